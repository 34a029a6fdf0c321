namespace FeedHarvester.Worker.Health;

/// <summary>Turns <c>Observability:ListenUrl</c> into a prefix <see cref="System.Net.HttpListener"/> accepts.</summary>
internal static class HttpListenerPrefix
{
    /// <summary>
    /// "All interfaces" written as an address (<c>http://0.0.0.0:9464</c>, <c>http://[::]:9464</c>), as a container
    /// needs it, becomes HttpListener's wildcard <c>http://+:9464/</c>: the managed HttpListener refuses 0.0.0.0
    /// ("The request is not supported") and [::] ("Invalid port in prefix"). Anything else only gains its trailing slash.
    /// </summary>
    public static string FromListenUrl(string listenUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listenUrl);
        var trimmed = listenUrl.TrimEnd('/');
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Host == "0.0.0.0" || uri.Host == "[::]")
            && uri.AbsolutePath == "/")
        {
            return $"{uri.Scheme}://+:{uri.Port}/";
        }

        return trimmed + "/";
    }

    /// <summary>
    /// Every prefix to listen on: the one <see cref="FromListenUrl"/> gives and, for a loopback address, its other name.
    /// HttpListener matches a request's Host header against its prefixes, so <c>http://localhost:9464</c> alone
    /// answers 404 to a probe of <c>http://127.0.0.1:9464</c> (and the reverse); both names reach the same socket.
    /// </summary>
    public static IReadOnlyList<string> AllFor(string listenUrl)
    {
        var primary = FromListenUrl(listenUrl);
        if (!Uri.TryCreate(primary, UriKind.Absolute, out var uri))
        {
            // The wildcard (http://+:9464/) answers whatever the Host header says.
            return [primary];
        }

        var alias = uri.Host switch
        {
            "localhost" => "127.0.0.1",
            "127.0.0.1" => "localhost",
            _ => null,
        };
        return alias is null ? [primary] : [primary, new UriBuilder(uri) { Host = alias }.Uri.AbsoluteUri];
    }
}

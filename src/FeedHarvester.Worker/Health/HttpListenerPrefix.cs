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
}

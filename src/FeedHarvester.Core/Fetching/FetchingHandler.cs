using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>Builds the primary handler every fetch goes through, with the private-address guard wired into its connect step.</summary>
public static class FetchingHandler
{
    /// <summary>
    /// A SocketsHttpHandler that decompresses, never follows redirects itself (the fetcher follows them so it can
    /// count hops, detect loops and see permanent moves), sends no cookies, and connects through the guard.
    /// </summary>
    public static SocketsHttpHandler Create(FetchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = new PrivateAddressGuard(options);
        return new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy resolves and connects on our behalf, so the guard would only ever see the proxy's address.
            UseProxy = !guard.Enabled,
            ConnectCallback = new GuardedConnector(guard).ConnectAsync,
        };
    }
}

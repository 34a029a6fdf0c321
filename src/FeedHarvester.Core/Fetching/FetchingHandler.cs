using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>Builds the primary handler every fetch goes through, with the private-address guard wired into its connect step.</summary>
public static class FetchingHandler
{
    /// <summary>
    /// A SocketsHttpHandler that decompresses, never follows redirects itself (the fetcher follows them so it can
    /// count hops, detect loops and see permanent moves), sends no cookies, and connects through the guard. With a
    /// <paramref name="proxy"/>, requests it carries are judged by the guard on their target before they are sent.
    /// </summary>
    /// <param name="options">The guard's settings.</param>
    /// <param name="proxy">The proxy from <see cref="ProxySelection"/>, or null for direct connections only.</param>
    /// <param name="tune">Connection settings of the caller's own (pool lifetime, connect timeout).</param>
    public static HttpMessageHandler Create(FetchingOptions options, FetchProxy? proxy = null, Action<SocketsHttpHandler>? tune = null) =>
        Create(options, proxy, tune, Dns.GetHostAddressesAsync);

    /// <param name="resolve">Name lookups, for the connect step and the check of proxied targets alike.</param>
    internal static HttpMessageHandler Create(FetchingOptions options, FetchProxy? proxy, Action<SocketsHttpHandler>? tune, HostResolver resolve)
    {
        ArgumentNullException.ThrowIfNull(options);
        var guard = new PrivateAddressGuard(options);
        var sockets = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Never the process default (which reads the proxy variables on its own): only the proxy chosen at start-up.
            UseProxy = proxy is not null,
            Proxy = proxy,
            ConnectCallback = new GuardedConnector(guard, proxy, resolve).ConnectAsync,
        };
        tune?.Invoke(sockets);
        return proxy is not null && guard.Enabled
            ? new ProxiedTargetCheck(guard, proxy, resolve) { InnerHandler = sockets }
            : sockets;
    }
}

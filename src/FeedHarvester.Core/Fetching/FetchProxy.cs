using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>
/// The proxies fetches go through, as <see cref="ProxySelection"/> chose them: one for http URLs and one for https URLs
/// (either may be absent, and then those URLs go direct), and the hosts that always go direct. Given to the handler by
/// <see cref="FetchingHandler.Create(FetchingOptions, FetchProxy?, Action{SocketsHttpHandler}?)"/>, which also checks
/// every proxied target against the private-address guard before the request is sent.
/// </summary>
public sealed class FetchProxy : IWebProxy
{
    private readonly ProxyAddress? _http;
    private readonly ProxyAddress? _https;
    private readonly ProxyBypassList _bypass;

    internal FetchProxy(ProxyAddress? http, ProxyAddress? https, ProxyBypassList bypass)
    {
        if (http is null && https is null)
        {
            throw new ArgumentException("a proxy for http or https URLs is needed", nameof(http));
        }

        _http = http;
        _https = https;
        _bypass = bypass ?? throw new ArgumentNullException(nameof(bypass));
        ProxyCredentials = new CredentialsByProxy(this);
    }

    /// <summary>Always the proxies' own credentials; setting others is refused (they come with the proxy URL).</summary>
    public ICredentials? Credentials
    {
        get => ProxyCredentials;
        set => throw new NotSupportedException("proxy credentials are part of the proxy URL (http://user:password@host:port)");
    }

    private CredentialsByProxy ProxyCredentials { get; }

    public Uri? GetProxy(Uri destination) => For(destination)?.Address;

    public bool IsBypassed(Uri host) => For(host) is null;

    /// <summary>The proxy <paramref name="url"/> is sent through, or null when it goes direct.</summary>
    internal ProxyAddress? For(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_bypass.Matches(url))
        {
            return null;
        }

        return string.Equals(url.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) ? _https : _http;
    }

    /// <summary>True when host:port is one of the proxies: the connect step lets it through, as the operator chose it.</summary>
    internal bool IsProxyEndpoint(string host, int port) =>
        Matches(_http, host, port) || Matches(_https, host, port);

    private static bool Matches(ProxyAddress? proxy, string host, int port) =>
        proxy is not null && proxy.Address.Port == port
        && string.Equals(PrivateAddressGuard.BareHost(proxy.Address), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    // The handler asks for credentials with the proxy's URI once the proxy answers 407; each proxy gets its own.
    private sealed class CredentialsByProxy(FetchProxy owner) : ICredentials
    {
        public NetworkCredential? GetCredential(Uri uri, string authType)
        {
            ArgumentNullException.ThrowIfNull(uri);
            var host = PrivateAddressGuard.BareHost(uri);
            return (Matches(owner._http, host, uri.Port) ? owner._http : Matches(owner._https, host, uri.Port) ? owner._https : null)?.Credentials;
        }
    }
}

using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>
/// One HTTP proxy as an operator writes it: <c>http://host:port</c>, optionally <c>http://user:password@host:port</c>
/// (percent-encoded), or a bare <c>host:port</c> taken as http, as curl and most tools read the proxy variables.
/// Only plain-HTTP proxies: an https:// proxy (TLS to the proxy itself) and SOCKS are refused by name rather than
/// half-supported, since neither is tested here. The credentials never appear in <see cref="Display"/>.
/// </summary>
internal sealed record ProxyAddress(Uri Address, NetworkCredential? Credentials)
{
    /// <summary>The proxy as logs may show it: scheme, host and port, and whether credentials go with it, never what they are.</summary>
    public string Display => Credentials is null
        ? $"http://{Authority}"
        : $"http://{Authority} (with credentials)";

    /// <summary>host:port, IPv6 in brackets.</summary>
    public string Authority => Address.HostNameType == UriHostNameType.IPv6
        ? $"[{PrivateAddressGuard.BareHost(Address)}]:{Address.Port}"
        : $"{Address.IdnHost}:{Address.Port}";

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, without repeating the value (it may hold a password).</summary>
    public static bool TryParse(string text, out ProxyAddress? proxy, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        proxy = null;
        var trimmed = text.Trim();
        var written = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        if (!Uri.TryCreate(written, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            error = "not a proxy URL: write http://host:port, for example http://127.0.0.1:3128";
            return false;
        }

        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal))
        {
            error = $"uses {uri.Scheme}://, and only http:// proxies are supported (not https:// proxies, SOCKS or others)";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = "has a path, query or fragment: a proxy is only http://host:port";
            return false;
        }

        if (!TryReadCredentials(uri.UserInfo, out var credentials))
        {
            error = "has credentials that are not user:password (percent-encode ':' and '@' inside them)";
            return false;
        }

        proxy = new ProxyAddress(new Uri(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/"), credentials);
        error = string.Empty;
        return true;
    }

    private static bool TryReadCredentials(string userInfo, out NetworkCredential? credentials)
    {
        credentials = null;
        if (userInfo.Length == 0)
        {
            return true;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        credentials = new NetworkCredential(Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        return true;
    }
}

using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FeedHarvester.Fetching;

/// <summary>
/// Decides whether the harvester may connect to an address: never to loopback, private, link-local (cloud
/// metadata), CGNAT, multicast, reserved or unspecified addresses, nor their IPv4-in-IPv6 forms, unless the
/// operator listed the exact host:port in <see cref="FetchingOptions.AllowedPrivateHosts"/>. The decision is
/// pure; <see cref="FetchingHandler"/> enforces it on the address actually connected.
/// </summary>
internal sealed class PrivateAddressGuard
{
    private readonly FrozenSet<string> _allowedHosts;

    public PrivateAddressGuard(FetchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Enabled = options.BlockPrivateAddresses;
        var keys = new List<string>();
        foreach (var entry in options.AllowedPrivateHosts)
        {
            keys.Add(TryParseHostPort(entry, out var host, out var port)
                ? Key(host, port)
                : throw new ArgumentException($"AllowedPrivateHosts entry '{entry}' is not host:port (IPv6 as [::1]:8080)", nameof(options)));
        }

        _allowedHosts = keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>False when the operator turned the guard off (BlockPrivateAddresses=false).</summary>
    public bool Enabled { get; }

    /// <summary>True when no feed or page may be fetched from <paramref name="address"/>.</summary>
    public static bool IsBlocked(IPAddress address) => BlockingReason(address) is not null;

    /// <summary>Why <paramref name="address"/> is refused ("loopback (127.0.0.0/8)"), or null when it is a public address.</summary>
    public static string? BlockingReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? PrivateAddressRanges.IPv4 : PrivateAddressRanges.IPv6;
        foreach (var range in ranges)
        {
            if (range.Contains(address))
            {
                return range.ToString();
            }
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        foreach (var form in PrivateAddressRanges.EmbeddedIPv4)
        {
            if (form.Extract(address) is { } embedded && BlockingReason(embedded) is { } reason)
            {
                return $"{form.Name} form of {embedded}, {reason}";
            }
        }

        return null;
    }

    /// <summary>True when the operator allowed this exact host and port to be internal.</summary>
    public bool IsAllowedHost(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _allowedHosts.Contains(Key(host, port));
    }

    /// <summary>
    /// Whether connecting to <paramref name="address"/> for <paramref name="host"/>:<paramref name="port"/> is refused:
    /// the guard is on, the host:port is not allowed, and the address is internal.
    /// </summary>
    public bool Refuses(string host, int port, IPAddress address) =>
        Enabled && !IsAllowedHost(host, port) && IsBlocked(address);

    /// <summary>Refuses a URL whose host is an internal IP literal before anything is sent; null when it may go on to DNS and connect.</summary>
    public PrivateAddressBlockedException? CheckLiteral(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Enabled || url.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || !IPAddress.TryParse(BareHost(url), out var address) || !Refuses(BareHost(url), url.Port, address))
        {
            return null;
        }

        return new PrivateAddressBlockedException(url, address, BlockingReason(address)!);
    }

    /// <summary>Parses "host:port", "[v6]:port"; the host comes back without brackets.</summary>
    public static bool TryParseHostPort(string? entry, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        var text = entry?.Trim();
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            return false;
        }

        var hostPart = text[..colon];
        if (hostPart.StartsWith('['))
        {
            if (!hostPart.EndsWith(']') || !IPAddress.TryParse(hostPart[1..^1], out _))
            {
                return false;
            }

            hostPart = hostPart[1..^1];
        }
        else if (hostPart.Contains(':', StringComparison.Ordinal))
        {
            // A bare IPv6 literal is ambiguous ("::1:8080"); the brackets are required.
            return false;
        }

        host = hostPart;
        return host.Length > 0;
    }

    /// <summary>The URL's host as DNS or a socket wants it: IDN in punycode, IPv6 without brackets.</summary>
    public static string BareHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost;
        return host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
    }

    // IP literals compare in canonical form, so "[0:0::1]:80" in the options matches a request to [::1]:80.
    private static string Key(string host, int port)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        var canonical = IPAddress.TryParse(bare, out var address) ? address.ToString() : bare;
        return string.Create(CultureInfo.InvariantCulture, $"{canonical}|{port}");
    }
}

using System.Globalization;
using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>
/// The hosts that go direct instead of through the proxy, written as NO_PROXY is by curl and Go: a name matches itself
/// and every subdomain (<c>example.com</c>, <c>.example.com</c> and <c>*.example.com</c> all cover www.example.com);
/// an IP address or a CIDR block (<c>10.0.0.0/8</c>) matches a URL written with such an address; <c>host:port</c>
/// matches that port only; <c>*</c> matches everything. Loopback (localhost, 127.0.0.0/8, ::1) is always direct:
/// through a proxy it would mean the proxy's own machine, not this one.
/// </summary>
internal sealed class ProxyBypassList
{
    /// <summary>What an entry must be, for messages.</summary>
    public const string EntryRule = "not a host, .domain, IP address, CIDR block (10.0.0.0/8), host:port or *";

    private readonly bool _everything;
    private readonly List<(string Suffix, int? Port)> _names = [];
    private readonly List<IPNetwork> _networks = [];

    private ProxyBypassList(bool everything) => _everything = everything;

    public static ProxyBypassList None { get; } = new(everything: false);

    /// <summary>Every entry read; a bad one is named in <paramref name="error"/>.</summary>
    public static bool TryCreate(IEnumerable<string> entries, out ProxyBypassList list, out string error)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        list = new ProxyBypassList(all.Contains("*"));
        foreach (var entry in all.Where(e => e != "*"))
        {
            if (!list.TryAdd(entry))
            {
                error = $"'{entry}' is {EntryRule}";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Splits a NO_PROXY value: entries separated by commas (spaces around them allowed).</summary>
    public static IEnumerable<string> Split(string value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="url"/> is fetched directly.</summary>
    public bool Matches(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = PrivateAddressGuard.BareHost(url).TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host, out var address))
        {
            return _everything || IPAddress.IsLoopback(address) || _networks.Exists(n => n.Contains(address))
                || _names.Exists(n => NameMatches(n, address.ToString(), url.Port));
        }

        return _everything || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || _names.Exists(n => NameMatches(n, host, url.Port));
    }

    private static bool NameMatches((string Suffix, int? Port) entry, string host, int port) =>
        (entry.Port is null || entry.Port == port)
        && (host == entry.Suffix || host.EndsWith("." + entry.Suffix, StringComparison.Ordinal));

    private bool TryAdd(string entry)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            if (!IPNetwork.TryParse(entry, out var network))
            {
                return false;
            }

            _networks.Add(network);
            return true;
        }

        if (IPAddress.TryParse(entry.Trim('[', ']'), out var literal) && !entry.Contains("]:", StringComparison.Ordinal))
        {
            // A bare address, "::1" included: an IPv6 literal needs brackets only when a port follows.
            _names.Add((literal.ToString(), null));
            return true;
        }

        var (host, port) = PrivateAddressGuard.TryParseHostPort(entry, out var h, out var p) ? (h, (int?)p) : (entry, null);
        if (port is null && host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host.TrimStart('.');
        name = name.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(name, out var address))
        {
            name = address.ToString();
        }
        else if (Uri.CheckHostName(name) != UriHostNameType.Dns)
        {
            return false;
        }

        _names.Add((name, port));
        return true;
    }

    public override string ToString()
    {
        IEnumerable<string> entries = _everything ? ["*"] : _names.Select(n => n.Port is { } port ? string.Create(CultureInfo.InvariantCulture, $"{n.Suffix}:{port}") : n.Suffix)
            .Concat(_networks.Select(n => n.ToString()));
        return string.Join(", ", ["loopback", .. entries]);
    }
}

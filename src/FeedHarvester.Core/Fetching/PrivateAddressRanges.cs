using System.Collections.Immutable;

namespace FeedHarvester.Fetching;

/// <summary>
/// The address blocks no feed or article should live in: the IANA special-purpose registries (RFC 6890 and
/// successors, https://www.iana.org/assignments/iana-ipv4-special-registry and iana-ipv6-special-registry)
/// minus the globally reachable ones. Reaching any of them from a harvester that fetches URLs written by
/// strangers is how SSRF reads cloud metadata or internal admin pages.
/// </summary>
internal static class PrivateAddressRanges
{
    public static readonly ImmutableArray<BlockedRange> IPv4 =
    [
        // "This network" (RFC 791); 0.0.0.0 itself connects to the local host on Linux.
        new("0.0.0.0/8", "unspecified / this-network"),
        // RFC 1918 private networks: the office, the cluster, the home router.
        new("10.0.0.0/8", "private"),
        // RFC 6598 carrier-grade NAT: shared address space inside an ISP, never a public server.
        new("100.64.0.0/10", "carrier-grade NAT"),
        // RFC 1122 loopback: this machine.
        new("127.0.0.0/8", "loopback"),
        // RFC 3927 link-local, including 169.254.169.254, the cloud metadata service holding credentials.
        new("169.254.0.0/16", "link-local / cloud metadata"),
        // RFC 1918 private networks.
        new("172.16.0.0/12", "private"),
        // RFC 6890 IETF protocol assignments (DS-Lite, NAT64 discovery): infrastructure, not web servers.
        new("192.0.0.0/24", "IETF protocol assignments"),
        // RFC 5737 TEST-NET-1: documentation only; a URL pointing there is bogus.
        new("192.0.2.0/24", "documentation"),
        // RFC 1918 private networks.
        new("192.168.0.0/16", "private"),
        // RFC 2544 benchmarking: lab networks.
        new("198.18.0.0/15", "benchmarking"),
        // RFC 5737 TEST-NET-2 and TEST-NET-3: documentation only.
        new("198.51.100.0/24", "documentation"),
        new("203.0.113.0/24", "documentation"),
        // RFC 5771 multicast: not a TCP destination.
        new("224.0.0.0/4", "multicast"),
        // RFC 1112 reserved for future use; includes the limited broadcast address below.
        new("240.0.0.0/4", "reserved"),
        // RFC 919 limited broadcast, named on its own so the message says what it is.
        new("255.255.255.255/32", "broadcast"),
    ];

    public static readonly ImmutableArray<BlockedRange> IPv6 =
    [
        // RFC 4291 unspecified address: connects to the local host.
        new("::/128", "unspecified"),
        // RFC 4291 loopback.
        new("::1/128", "loopback"),
        // RFC 6666 discard-only prefix.
        new("100::/64", "discard-only"),
        // RFC 8215 local-use NAT64: by definition a translator inside the operator's own network.
        new("64:ff9b:1::/48", "local-use NAT64"),
        // RFC 3849 documentation.
        new("2001:db8::/32", "documentation"),
        // RFC 4193 unique local addresses: IPv6's private networks.
        new("fc00::/7", "unique local (private)"),
        // RFC 4291 link-local.
        new("fe80::/10", "link-local"),
        // RFC 3879 deprecated site-local: still routed inside some old networks.
        new("fec0::/10", "site-local (deprecated)"),
        // RFC 4291 multicast.
        new("ff00::/8", "multicast"),
    ];

    /// <summary>
    /// IPv6 forms that carry an IPv4 address and reach it through a translator or tunnel; the embedded address
    /// is judged like any IPv4 address, so ::ffff:127.0.0.1 or 2002:7f00:1:: cannot smuggle loopback past the guard.
    /// </summary>
    public static readonly ImmutableArray<EmbeddedIPv4Form> EmbeddedIPv4 =
    [
        // RFC 4291 IPv4-mapped: a dual-stack socket connects straight to the IPv4 address.
        new("::ffff:0:0/96", "IPv4-mapped", 12),
        // RFC 4291 IPv4-compatible (deprecated): ::a.b.c.d; :: and ::1 are caught above first.
        new("::/96", "IPv4-compatible", 12),
        // RFC 6052 NAT64 well-known prefix: the translator connects to the IPv4 address in the last 32 bits.
        new("64:ff9b::/96", "NAT64", 12),
        // RFC 3056 6to4: the IPv4 address sits in bits 16..47.
        new("2002::/16", "6to4", 2),
    ];
}

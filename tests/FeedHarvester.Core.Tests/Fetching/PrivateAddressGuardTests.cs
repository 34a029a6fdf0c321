using System.Net;
using System.Numerics;
using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

/// <summary>The guard's decision alone: nothing here connects anywhere.</summary>
public sealed class PrivateAddressGuardTests
{
    public static TheoryData<string> InternalAddresses =>
    [
        // Unspecified / this network, loopback, private, CGNAT, link-local and cloud metadata.
        "0.0.0.0", "0.255.255.255", "127.0.0.1", "127.0.0.2", "127.255.255.255",
        "10.0.0.1", "10.255.255.255", "172.16.0.0", "172.31.255.255", "192.168.0.1", "192.168.255.255",
        "100.64.0.0", "100.127.255.255", "169.254.0.1", "169.254.169.254", "169.254.255.255",
        // IETF, documentation, benchmark, multicast, reserved, broadcast.
        "192.0.0.8", "192.0.2.1", "198.18.0.0", "198.19.255.255", "198.51.100.7", "203.0.113.9",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
        // IPv6 unspecified, loopback, unique local, link-local, site-local, multicast, documentation, discard.
        "::", "::1", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf:ffff::1", "fec0::1", "ff02::1", "2001:db8::1", "100::1",
        "64:ff9b:1::a00:1",
        // IPv4-mapped, IPv4-compatible, 6to4 and NAT64 forms of internal IPv4 addresses.
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
        "::127.0.0.1", "::10.1.2.3", "::169.254.169.254",
        "2002:7f00:1::", "2002:a9fe:a9fe::1", "2002:c0a8:101::5",
        "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:101",
    ];

    public static TheoryData<string> PublicAddresses =>
    [
        "93.184.216.34", "8.8.8.8", "1.1.1.1", "151.101.1.69",
        // Just outside the blocked blocks.
        "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0",
        "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0",
        "198.17.255.255", "198.20.0.0", "223.255.255.255",
        "2606:2800:220:1:248:1893:25c8:1946", "2a00:1450:4001:82a::200e",
        "::ffff:93.184.216.34", "2002:5db8:d822::1", "64:ff9b::5db8:d822",
    ];

    [Theory]
    [MemberData(nameof(InternalAddresses))]
    public void IsBlocked_InternalAddressOrEmbeddedForm_Blocked(string address)
    {
        Assert.True(PrivateAddressGuard.IsBlocked(IPAddress.Parse(address)), address);
        Assert.NotNull(PrivateAddressGuard.BlockingReason(IPAddress.Parse(address)));
    }

    [Theory]
    [MemberData(nameof(PublicAddresses))]
    public void IsBlocked_PublicAddress_Allowed(string address)
    {
        Assert.False(PrivateAddressGuard.IsBlocked(IPAddress.Parse(address)), address);
    }

    [Fact]
    public void IsBlocked_FirstAndLastAddressOfEveryNamedRange_Blocked()
    {
        foreach (var range in PrivateAddressRanges.IPv4.Concat(PrivateAddressRanges.IPv6))
        {
            var (first, last) = Bounds(range.Network);
            Assert.True(PrivateAddressGuard.IsBlocked(first), $"{range}: {first}");
            Assert.True(PrivateAddressGuard.IsBlocked(last), $"{range}: {last}");
        }
    }

    [Fact]
    public void BlockingReason_CloudMetadata_NamesTheRange()
    {
        var reason = PrivateAddressGuard.BlockingReason(IPAddress.Parse("169.254.169.254"));

        Assert.Equal("link-local / cloud metadata (169.254.0.0/16)", reason);
    }

    [Fact]
    public void BlockingReason_MappedLoopback_NamesTheFormAndTheEmbeddedAddress()
    {
        var reason = PrivateAddressGuard.BlockingReason(IPAddress.Parse("::ffff:127.0.0.1"));

        Assert.Equal("IPv4-mapped form of 127.0.0.1, loopback (127.0.0.0/8)", reason);
    }

    [Theory]
    [InlineData("127.0.0.1:18080", "127.0.0.1", 18080, true)]
    [InlineData("127.0.0.1:18080", "127.0.0.1", 18081, false)]
    [InlineData("127.0.0.1:18080", "127.0.0.2", 18080, false)]
    [InlineData("[::1]:8080", "::1", 8080, true)]
    [InlineData("[0:0::1]:8080", "[::1]", 8080, true)]
    [InlineData("Intranet.Example:80", "intranet.example", 80, true)]
    [InlineData("intranet.example:80", "intranet.example", 443, false)]
    public void IsAllowedHost_ExactHostAndPort_OnlyThatPairAllowed(string entry, string host, int port, bool expected)
    {
        var guard = new PrivateAddressGuard(new FetchingOptions { AllowedPrivateHosts = [entry] });

        Assert.Equal(expected, guard.IsAllowedHost(host, port));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1:8080")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData(":80")]
    [InlineData("[nonsense]:80")]
    public void Options_MalformedAllowedHost_ValidationNamesTheEntry(string entry)
    {
        var options = new FetchingOptions { AllowedPrivateHosts = [entry] };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        var error = Assert.Single(errors);
        Assert.Contains(entry, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PrivateAddressGuard(options));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/x", "127.0.0.1")]
    [InlineData("http://0.0.0.0:9/x", "0.0.0.0")]
    [InlineData("http://[::1]:9/x", "::1")]
    [InlineData("http://2130706433:9/x", "127.0.0.1")]
    [InlineData("http://0x7f000001:9/x", "127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "::ffff:169.254.169.254")]
    public void CheckLiteral_InternalIpLiteral_RefusedNamingUrlAndAddress(string url, string address)
    {
        var guard = new PrivateAddressGuard(new FetchingOptions());

        var refusal = guard.CheckLiteral(new Uri(url));

        Assert.NotNull(refusal);
        Assert.Equal(IPAddress.Parse(address), refusal.Address);
        Assert.Contains(new Uri(url).AbsoluteUri, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(address, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://93.184.216.34/feed.xml")]
    [InlineData("http://example.org/feed.xml")]
    public void CheckLiteral_PublicLiteralOrHostName_LeftToTheConnectStep(string url)
    {
        var guard = new PrivateAddressGuard(new FetchingOptions());

        Assert.Null(guard.CheckLiteral(new Uri(url)));
    }

    [Fact]
    public void CheckLiteral_GuardDisabled_NothingRefused()
    {
        var guard = new PrivateAddressGuard(new FetchingOptions { BlockPrivateAddresses = false });

        Assert.Null(guard.CheckLiteral(new Uri("http://127.0.0.1:9/")));
    }

    private static (IPAddress First, IPAddress Last) Bounds(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var hostBits = (bytes.Length * 8) - network.PrefixLength;
        var last = value + (BigInteger.One << hostBits) - 1;
        var lastBytes = new byte[bytes.Length];
        _ = last.TryWriteBytes(lastBytes, out var written, isUnsigned: true, isBigEndian: true);
        var padded = new byte[bytes.Length];
        lastBytes.AsSpan(0, written).CopyTo(padded.AsSpan(bytes.Length - written));
        return (network.BaseAddress, new IPAddress(padded));
    }
}

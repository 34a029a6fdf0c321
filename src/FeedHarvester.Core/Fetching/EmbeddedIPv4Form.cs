using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>An IPv6 prefix whose addresses carry an IPv4 address at a fixed byte offset.</summary>
/// <param name="Network">The prefix.</param>
/// <param name="Name">What the form is called, for refusal messages.</param>
/// <param name="Offset">Index of the first of the four IPv4 bytes inside the 16-byte IPv6 address.</param>
internal sealed record EmbeddedIPv4Form(IPNetwork Network, string Name, int Offset)
{
    public EmbeddedIPv4Form(string cidr, string name, int offset)
        : this(IPNetwork.Parse(cidr), name, offset)
    {
    }

    /// <summary>The IPv4 address inside <paramref name="address"/>, or null when it is not of this form.</summary>
    public IPAddress? Extract(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return null;
        }

        // Compared bit by bit: IPNetwork.Contains does not match IPv4-mapped addresses against ::ffff:0:0/96.
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> prefix = stackalloc byte[16];
        _ = address.TryWriteBytes(bytes, out _);
        _ = Network.BaseAddress.TryWriteBytes(prefix, out _);
        var whole = Network.PrefixLength / 8;
        var rest = Network.PrefixLength % 8;
        var mask = (byte)(0xFF << (8 - rest));
        if (!bytes[..whole].SequenceEqual(prefix[..whole]) || (rest > 0 && (bytes[whole] & mask) != (prefix[whole] & mask)))
        {
            return null;
        }

        return new IPAddress(bytes.Slice(Offset, 4));
    }
}

using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>One address block the private-address guard refuses, with the reason it is not a public web server.</summary>
/// <param name="Network">The block in CIDR form.</param>
/// <param name="Name">What the block is, for refusal messages ("loopback (127.0.0.0/8)").</param>
internal sealed record BlockedRange(IPNetwork Network, string Name)
{
    public BlockedRange(string cidr, string name)
        : this(IPNetwork.Parse(cidr), name)
    {
    }

    public bool Contains(IPAddress address) => Network.Contains(address);

    public override string ToString() => $"{Name} ({Network})";
}

using System.Net;
using System.Net.Sockets;

namespace FeedHarvester.Tests.Support;

/// <summary>
/// Name lookups from a fixed table, as a hosts file would answer them, so a test can have a name resolve to a private
/// or a public address without asking any DNS server. A name not in the table is not found, as DNS would say.
/// </summary>
internal sealed class FixedResolver(IReadOnlyDictionary<string, string[]> names)
{
    private readonly List<string> _asked = [];

    /// <summary>Every name looked up, in order.</summary>
    public IReadOnlyList<string> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        lock (_asked)
        {
            _asked.Add(host);
        }

        return names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}

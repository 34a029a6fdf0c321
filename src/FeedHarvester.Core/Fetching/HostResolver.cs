using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>Looks up a host name's addresses; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> outside tests.</summary>
internal delegate Task<IPAddress[]> HostResolver(string host, CancellationToken cancellationToken);

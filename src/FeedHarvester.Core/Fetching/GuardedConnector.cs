using System.Net;
using System.Net.Sockets;

namespace FeedHarvester.Fetching;

/// <summary>
/// The SocketsHttpHandler connect callback: resolves the host itself and connects only to an address the
/// guard allows. Checking the address actually connected (not a name looked up earlier) is what stops DNS
/// rebinding, and because the handler opens every connection here, every redirect hop is checked too. A configured
/// proxy's own endpoint is let through (the operator chose it, and it is often on loopback or the private network);
/// what goes through it is judged by <see cref="ProxiedTargetCheck"/> before it is sent.
/// </summary>
internal sealed class GuardedConnector(PrivateAddressGuard guard, FetchProxy? proxy = null, HostResolver? resolve = null)
{
    private readonly HostResolver _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.StartsWith('[') && endpoint.Host.EndsWith(']') ? endpoint.Host[1..^1] : endpoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await _resolve(host, cancellationToken).ConfigureAwait(false);
        var toProxy = proxy is not null && proxy.IsProxyEndpoint(host, endpoint.Port);
        var permitted = toProxy ? addresses : addresses.Where(address => !guard.Refuses(host, endpoint.Port, address)).ToArray();
        // A proxy's name that resolves to nothing is a lookup failure (below), not a refusal.
        if (permitted.Length == 0 && !toProxy)
        {
            var url = context.InitialRequestMessage.RequestUri ?? new Uri($"http://{endpoint.Host}:{endpoint.Port}/");
            var refused = addresses.FirstOrDefault() ?? IPAddress.None;
            throw new PrivateAddressBlockedException(url, refused, PrivateAddressGuard.BlockingReason(refused) ?? "unresolvable");
        }

        return await ConnectToFirstAsync(permitted, endpoint.Port, cancellationToken).ConfigureAwait(false);
    }

    // Tries each permitted address in resolver order, as the default connect logic would; the last error wins.
    private static async Task<Stream> ConnectToFirstAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}

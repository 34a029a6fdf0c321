using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>
/// The private-address guard for requests a proxy carries. The proxy resolves and connects on our behalf, so the
/// connect step only ever sees the proxy's address; the target is judged here instead, before the request leaves:
/// its name is resolved and every address checked. Every address, not just one: which of them the proxy will use is
/// its choice, so one internal address refuses the host. The fetcher sends each redirect hop as a request of its
/// own, so each hop comes through here too. A direct request to a proxy's own host:port is checked the same way,
/// since the connect step lets that endpoint through.
/// </summary>
internal sealed class ProxiedTargetCheck(PrivateAddressGuard guard, FetchProxy proxy, HostResolver resolve) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } url
            && (proxy.For(url) is not null || proxy.IsProxyEndpoint(PrivateAddressGuard.BareHost(url), url.Port)))
        {
            await CheckAsync(url, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = PrivateAddressGuard.BareHost(url);
        if (guard.IsAllowedHost(host, url.Port))
        {
            return;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolve(host, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new HttpRequestException(
                    $"{host} could not be resolved here, so the private-address guard cannot check it before it goes to the proxy ({ex.Message})", ex);
            }
        }

        if (addresses.FirstOrDefault(address => guard.Refuses(host, url.Port, address)) is { } refused)
        {
            var refusal = new PrivateAddressBlockedException(url, refused, PrivateAddressGuard.BlockingReason(refused)!);
            throw new HttpRequestException(refusal.Message, refusal);
        }

        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} has no address, so the private-address guard cannot check it before it goes to the proxy");
        }
    }
}

using System.Net;

namespace FeedHarvester.Fetching;

/// <summary>
/// Thrown from the connect callback when every address of a host is internal, so the fetcher can report
/// <see cref="FetchFailureKind.PrivateAddressBlocked"/> instead of a generic network error. Nothing was sent.
/// </summary>
public sealed class PrivateAddressBlockedException : Exception
{
    public PrivateAddressBlockedException(Uri url, IPAddress address, string reason)
        : base($"refused {url.AbsoluteUri}: it resolves to {address}, a {reason} address; "
            + $"list \"{HostPort(url)}\" in {FetchingOptions.SectionName}:AllowedPrivateHosts to allow it")
    {
        Url = url;
        Address = address;
        Reason = reason;
    }

    public Uri Url { get; }

    public IPAddress Address { get; }

    public string Reason { get; }

    /// <summary>The refusal somewhere in <paramref name="exception"/>'s inner-exception chain, if any.</summary>
    public static PrivateAddressBlockedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PrivateAddressBlockedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static string HostPort(Uri url) => url.HostNameType == UriHostNameType.IPv6
        ? $"[{PrivateAddressGuard.BareHost(url)}]:{url.Port}"
        : $"{url.IdnHost}:{url.Port}";
}

using System.Net.Http.Headers;

namespace FeedHarvester.Fetching;

/// <summary>
/// How long a response says it stays fresh (RFC 9111 section 4.2.1), for the scheduler's "not before" hint.
/// We are a private cache, so s-maxage (for shared caches) is ignored.
/// </summary>
internal static class Freshness
{
    /// <summary>max-age minus Age; else Expires minus Date (or now); zero for no-cache/no-store or an invalid Expires; null when the response does not say.</summary>
    public static TimeSpan? FreshFor(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cacheControl = response.Headers.CacheControl;
        if (cacheControl is { NoCache: true } or { NoStore: true })
        {
            return TimeSpan.Zero;
        }

        if (cacheControl?.MaxAge is { } maxAge)
        {
            return NonNegative(maxAge - (response.Headers.Age ?? TimeSpan.Zero));
        }

        return FromExpires(response.Content.Headers, response.Headers.Date, now);
    }

    private static TimeSpan? FromExpires(HttpContentHeaders headers, DateTimeOffset? date, DateTimeOffset now)
    {
        if (!headers.NonValidated.TryGetValues("Expires", out _))
        {
            return null;
        }

        // RFC 9111 5.3: an Expires that is not a valid date ("0", "-1") means already expired.
        if (headers.Expires is not { } expires || expires == DateTimeOffset.MinValue)
        {
            return TimeSpan.Zero;
        }

        // Expires minus the server's own Date is immune to a skewed local clock; now is the fallback.
        return NonNegative(expires - (date ?? now));
    }

    private static TimeSpan NonNegative(TimeSpan value) => value > TimeSpan.Zero ? value : TimeSpan.Zero;
}

using System.Net;
using System.Text;

namespace FeedHarvester.Fetching;

/// <summary>
/// robots.txt per origin (scheme, host, port), fetched once and kept for the configured time. Concurrent
/// requests for one origin share a single fetch. A missing file (4xx) allows everything; an unreachable one
/// (5xx, 429, timeout, network) also allows, as the project decided for article pages, but is asked again sooner.
/// </summary>
internal sealed class RobotsTxtCache(
    Func<Uri, CancellationToken, Task<FetchResult>> fetch,
    string productToken,
    TimeSpan cacheDuration,
    TimeProvider timeProvider)
{
    /// <summary>RFC 9309 2.5: crawlers must parse at least 500 KiB; anything after the first 512 KiB is ignored.</summary>
    public const long MaxBytes = 512 * 1024;

    /// <summary>How soon an unreachable robots.txt is asked again: a passing outage should not pin "allow" for an hour.</summary>
    public static readonly TimeSpan UnreachableRetry = TimeSpan.FromMinutes(5);

    // Origins seen over months of harvesting; past this many entries, expired ones are dropped on the next miss.
    private const int SweepThreshold = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<Entry>> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when robots.txt lets us fetch <paramref name="url"/>.</summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.AbsolutePath == "/robots.txt")
        {
            return true;
        }

        var origin = url.GetLeftPart(UriPartial.Authority);
        Task<Entry> load;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (!_entries.TryGetValue(origin, out load!) || IsStale(load, now))
            {
                SweepIfLarge(now);
                // The fetch is not tied to the first caller's token: other callers share it and must not see it cancelled.
                var robotsUrl = new Uri(origin + "/robots.txt");
                load = Task.Run(() => LoadAsync(robotsUrl));
                _entries[origin] = load;
            }
        }

        var entry = await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        return entry.Rules.IsAllowed(url.PathAndQuery);
    }

    private async Task<Entry> LoadAsync(Uri robotsUrl)
    {
        var result = await fetch(robotsUrl, CancellationToken.None).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        if (result.IsContent)
        {
            var text = Encoding.UTF8.GetString(result.Body.Span);
            return new Entry(RobotsTxt.Parse(text, productToken), now + cacheDuration);
        }

        return new Entry(RobotsTxt.AllowAll, now + (IsMissing(result) ? cacheDuration : Min(cacheDuration, UnreachableRetry)));
    }

    // RFC 9309 2.3.1.3: "unavailable" (4xx) means no rules; too many redirects may be treated the same way.
    private static bool IsMissing(FetchResult result) =>
        (result.TryGetFailure(out var failure) && failure.Kind is FetchFailureKind.RedirectLoop or FetchFailureKind.UnsupportedScheme)
        || (result.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests);

    private static bool IsStale(Task<Entry> load, DateTimeOffset now) =>
        load.IsCompleted && (!load.IsCompletedSuccessfully || load.Result.ExpiresAt <= now);

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_entries.Count < SweepThreshold)
        {
            return;
        }

        foreach (var (origin, load) in _entries.ToList())
        {
            if (IsStale(load, now))
            {
                _ = _entries.Remove(origin);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record Entry(RobotsTxt Rules, DateTimeOffset ExpiresAt);
}

using System.Collections.Concurrent;

namespace FeedHarvester.Fetching;

/// <summary>
/// Remembers "come back later" answers (429, 503 with Retry-After) so a request for the same resource before the
/// wait is over is refused without bothering the server again.
/// </summary>
internal sealed class RetryAfterMemory(TimeProvider timeProvider)
{
    // Expired entries are swept on write once the table grows past this, keeping memory bounded without a timer.
    private const int SweepThreshold = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> waitUntil = new(StringComparer.Ordinal);

    public void Remember(string key, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var until = now + wait;
        _ = waitUntil.AddOrUpdate(key, until, (_, existing) => existing > until ? existing : until);
        if (waitUntil.Count > SweepThreshold)
        {
            foreach (var (entry, expiry) in waitUntil)
            {
                if (expiry <= now)
                {
                    _ = waitUntil.TryRemove(entry, out _);
                }
            }
        }
    }

    /// <summary>Time left to wait for <paramref name="key"/>, or null when it may be asked now.</summary>
    public TimeSpan? Remaining(string key)
    {
        if (!waitUntil.TryGetValue(key, out var until))
        {
            return null;
        }

        var left = until - timeProvider.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            return left;
        }

        _ = waitUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
        return null;
    }
}

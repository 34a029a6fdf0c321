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

    private readonly ConcurrentDictionary<string, DateTimeOffset> _waitUntil = new(StringComparer.Ordinal);

    public void Remember(string key, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var until = now + wait;
        _ = _waitUntil.AddOrUpdate(key, until, (_, existing) => existing > until ? existing : until);
        if (_waitUntil.Count > SweepThreshold)
        {
            foreach (var (entry, expiry) in _waitUntil)
            {
                if (expiry <= now)
                {
                    _ = _waitUntil.TryRemove(entry, out _);
                }
            }
        }
    }

    /// <summary>Time left to wait for <paramref name="key"/>, or null when it may be asked now.</summary>
    public TimeSpan? Remaining(string key)
    {
        if (!_waitUntil.TryGetValue(key, out var until))
        {
            return null;
        }

        var left = until - timeProvider.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            return left;
        }

        _ = _waitUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
        return null;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Forgets the seen keys and near-copy index entries older than <see cref="LocalStoreOptions.SeenKeyRetention"/>: at
/// start and then every <see cref="LocalStoreDefaults.PurgeInterval"/>, so the database stops growing once the retention
/// is reached (Redis mode expires the same keys by TTL).
/// </summary>
/// <remarks>
/// The clock is checked against the newest stored key first, because a wrong clock makes "older than the retention"
/// mean the wrong keys, and a key forgotten too early is an article emitted twice:
/// <list type="bullet">
/// <item>Now earlier than the newest key: the clock went back (or was set back). Nothing is purged until it is past
/// that key again; one warning when this starts, one line when purging resumes.</item>
/// <item>Every key older than the retention (the newest one too), at the first purge after start or after the clock
/// jumped forward: the clock that dated them was behind and has been corrected, or the worker was stopped for longer
/// than the retention. Purging would forget every article at once while feeds still list many of them, so their dates
/// are moved forward together, the newest to now, keeping their order: they then age out one by one as if the worker
/// had run on. One warning. (A worker that keeps running while its feeds publish nothing for longer than the retention
/// forgets its keys as usual: its clock did not jump.)</item>
/// </list>
/// </remarks>
public sealed class SeenKeyPurger(SqliteHarvestStore store, LocalStoreOptions options, TimeProvider timeProvider, ILogger<SeenKeyPurger> logger)
{
    /// <summary>
    /// How far the wall clock may run ahead of the monotonic clock between two purges before it counts as a jump: well
    /// above the steps of a time sync, well below the shortest retention (an hour).
    /// </summary>
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMinutes(1);

    private bool _clockBehind;
    private (DateTimeOffset Wall, long Timestamp)? _lastPurge;

    /// <summary>Purges until cancelled; a failed purge is logged and tried again at the next interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            _ = await PurgeOnceAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(LocalStoreDefaults.PurgeInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One purge, guarded as the remarks say; returns how many keys were forgotten.</summary>
    internal async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var olderThan = timeProvider.GetUtcNow() - options.SeenKeyRetention;
        try
        {
            // The newest key first, then the clock: a claim committed in between carries a time already read, not a later one.
            var newest = await store.NewestSeenKeyAtAsync(cancellationToken).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            olderThan = now - options.SeenKeyRetention;
            var timelineUnknown = JumpedForwardSinceLastPurge(now);
            if (newest is { } latest && now < latest)
            {
                if (!_clockBehind)
                {
                    _clockBehind = true;
                    Log.PurgeSkippedClockBehind(logger, now, latest);
                }

                return 0;
            }

            if (_clockBehind)
            {
                _clockBehind = false;
                Log.PurgeResumed(logger, now);
            }

            if (timelineUnknown && newest is { } stale && stale < olderThan)
            {
                var shift = now - stale;
                var moved = await store.RedateSeenKeysAsync(shift, cancellationToken).ConfigureAwait(false);
                Log.SeenKeysRedated(logger, moved, stale, options.SeenKeyRetention, shift);
            }

            return await store.PurgeSeenKeysAsync(olderThan, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            // The store is failing (disk full, I/O error): the claims report that themselves; the purge can wait an hour.
            Log.PurgeFailed(logger, olderThan, ex.Message, LocalStoreDefaults.PurgeInterval);
            return 0;
        }
    }

    // True at the first purge (nothing is known about the clock that dated the stored keys) and when the wall clock
    // ran ahead of the monotonic clock since the last purge.
    private bool JumpedForwardSinceLastPurge(DateTimeOffset now)
    {
        var timestamp = timeProvider.GetTimestamp();
        var previous = _lastPurge;
        _lastPurge = (now, timestamp);
        return previous is not { } last || (now - last.Wall) - timeProvider.GetElapsedTime(last.Timestamp, timestamp) > ClockJumpTolerance;
    }
}

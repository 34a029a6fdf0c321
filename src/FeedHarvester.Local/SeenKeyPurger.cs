using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Forgets the seen keys and near-copy index entries older than <see cref="LocalStoreOptions.SeenKeyRetention"/>: at
/// start and then every <see cref="LocalStoreDefaults.PurgeInterval"/>, so the database stops growing once the retention
/// is reached (Redis mode expires the same keys by TTL).
/// </summary>
public sealed class SeenKeyPurger(SqliteHarvestStore store, LocalStoreOptions options, TimeProvider timeProvider, ILogger<SeenKeyPurger> logger)
{
    /// <summary>Purges until cancelled; a failed purge is logged and tried again at the next interval.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PurgeOnceAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(LocalStoreDefaults.PurgeInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var olderThan = timeProvider.GetUtcNow() - options.SeenKeyRetention;
        try
        {
            _ = await store.PurgeSeenKeysAsync(olderThan, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            // The store is failing (disk full, I/O error): the claims report that themselves; the purge can wait an hour.
            Log.PurgeFailed(logger, olderThan, ex.Message, LocalStoreDefaults.PurgeInterval);
        }
    }
}

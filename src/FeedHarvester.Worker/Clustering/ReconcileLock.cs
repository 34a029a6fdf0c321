using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// PostgreSQL's session advisory lock, held for one reconcile of the feed list: workers that see the same edit at the same
/// moment reconcile one after the other, each against what the one before it stored. A worker that dies while holding it
/// loses its session, and with it the lock.
/// </summary>
internal sealed class ReconcileLock : IAsyncDisposable
{
    // "FHFEED" read as hex digits; any constant every worker agrees on.
    private const long Key = 0x46_48_46_45_45_44;

    private readonly NpgsqlConnection _connection;

    private ReconcileLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The session holding the lock: what is read and written through it is seen by one reconcile at a time.</summary>
    public NpgsqlConnection Connection => _connection;

    /// <exception cref="ClusterDatabaseException">The database cannot be reached.</exception>
    public static async Task<ReconcileLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await ClusterDatabase.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            _ = command.Parameters.AddWithValue("key", Key);
            _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new ReconcileLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Closing the session releases the lock; an explicit unlock first returns the pooled connection clean.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            _ = command.Parameters.AddWithValue("key", Key);
            _ = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using FeedHarvester.Deduplication;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>SQL over seen_keys: every dedupe key ever claimed, as <see cref="DedupeKey.ToString"/>.</summary>
internal static class SeenKeyTable
{
    private const string SelectKey = "SELECT 1 FROM seen_keys WHERE key = $key;";

    // OR IGNORE: an article may list the same key twice (url and canonical url equal); the claim already checked none exist.
    private const string InsertKey = "INSERT OR IGNORE INTO seen_keys (key, article_id, seen_at) VALUES ($key, $article_id, $seen_at);";

    private const string DeleteOlderThan = "DELETE FROM seen_keys WHERE seen_at < $older_than;";

    // Answered from ix_seen_keys_seen_at: one index probe, not a scan.
    private const string SelectNewest = "SELECT MAX(seen_at) FROM seen_keys;";

    private const string ShiftAll = "UPDATE seen_keys SET seen_at = seen_at + $shift;";

    /// <summary>When the newest key was stored (Unix ms), or null when there is none.</summary>
    public static async Task<long?> NewestSeenAtAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectNewest;
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long newest ? newest : null;
    }

    /// <summary>Moves every key's time by <paramref name="shiftMs"/>, keeping their order and their ages relative to each other.</summary>
    public static async Task<int> ShiftAllAsync(SqliteTransaction transaction, long shiftMs, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = ShiftAll;
        command.Transaction = transaction;
        _ = command.Parameters.AddWithValue("$shift", shiftMs);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first of <paramref name="keys"/>, in the order given, that is already stored.</summary>
    public static async Task<DedupeKey?> FindFirstSeenAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        IReadOnlyList<DedupeKey> keys,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectKey;
        command.Transaction = transaction;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var candidate in keys)
        {
            key.Value = candidate.ToString();
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task InsertAsync(
        SqliteTransaction transaction,
        IReadOnlyList<DedupeKey> keys,
        string articleId,
        long seenAtUnixMs,
        CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = InsertKey;
        command.Transaction = transaction;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        _ = command.Parameters.AddWithValue("$article_id", articleId);
        _ = command.Parameters.AddWithValue("$seen_at", seenAtUnixMs);
        foreach (var candidate in keys)
        {
            key.Value = candidate.ToString();
            _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<int> DeleteOlderThanAsync(SqliteTransaction transaction, long olderThanUnixMs, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = DeleteOlderThan;
        command.Transaction = transaction;
        _ = command.Parameters.AddWithValue("$older_than", olderThanUnixMs);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

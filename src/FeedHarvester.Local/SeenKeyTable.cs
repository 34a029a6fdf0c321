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

using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>SQL over outbox: claimed articles in claim order, deleted only once durably written.</summary>
internal static class OutboxTable
{
    private const string Insert = "INSERT INTO outbox (article_id, record) VALUES ($article_id, $record);";

    private const string SelectMaxSeq = "SELECT COALESCE(MAX(seq), 0) FROM outbox;";

    private const string SelectBatch = "SELECT seq, article_id, record FROM outbox WHERE seq <= $up_to ORDER BY seq LIMIT $limit;";

    private const string SelectSeqsByArticle = "SELECT seq FROM outbox WHERE article_id = $article_id ORDER BY seq;";

    private const string SelectCount = "SELECT COUNT(*) FROM outbox;";

    private const string DeleteUpTo = "DELETE FROM outbox WHERE seq <= $up_to;";

    private const string DeleteOne = "DELETE FROM outbox WHERE seq = $seq;";

    public static async Task EnqueueAsync(SqliteTransaction transaction, string articleId, string record, CancellationToken cancellationToken)
    {
        using var command = Command(transaction.Connection!, transaction, Insert);
        _ = command.Parameters.AddWithValue("$article_id", articleId);
        _ = command.Parameters.AddWithValue("$record", record);
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<long> MaxSeqAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, SelectMaxSeq);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public static async Task<long> CountAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, SelectCount);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The oldest rows with seq at most <paramref name="upToSeq"/>, in seq order.</summary>
    public static async Task<IReadOnlyList<OutboxRow>> ReadBatchAsync(
        SqliteConnection connection,
        long upToSeq,
        int limit,
        CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, SelectBatch);
        _ = command.Parameters.AddWithValue("$up_to", upToSeq);
        _ = command.Parameters.AddWithValue("$limit", limit);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public static async Task<IReadOnlyList<long>> PendingSeqsAsync(SqliteConnection connection, string articleId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, null, SelectSeqsByArticle);
        _ = command.Parameters.AddWithValue("$article_id", articleId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var seqs = new List<long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            seqs.Add(reader.GetInt64(0));
        }

        return seqs;
    }

    public static async Task DeleteUpToAsync(SqliteTransaction transaction, long upToSeq, CancellationToken cancellationToken)
    {
        using var command = Command(transaction.Connection!, transaction, DeleteUpTo);
        _ = command.Parameters.AddWithValue("$up_to", upToSeq);
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task DeleteAsync(SqliteTransaction transaction, IEnumerable<long> seqs, CancellationToken cancellationToken)
    {
        using var command = Command(transaction.Connection!, transaction, DeleteOne);
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        foreach (var value in seqs)
        {
            seq.Value = value;
            _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}

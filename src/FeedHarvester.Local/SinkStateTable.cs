using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>SQL over sink_state: how many bytes of the output file are known to hold confirmed records.</summary>
internal static class SinkStateTable
{
    private const string SelectCommittedLength = "SELECT committed_length FROM sink_state WHERE id = 1;";

    private const string UpsertCommittedLength = """
        INSERT INTO sink_state (id, committed_length) VALUES (1, $length)
        ON CONFLICT (id) DO UPDATE SET committed_length = excluded.committed_length;
        """;

    // No committed length is stored before the first emit, and a claim queues its record in the outbox: with neither,
    // no line of any output file came from this database.
    private const string SelectNeverEmitted = "SELECT NOT EXISTS (SELECT 1 FROM sink_state) AND NOT EXISTS (SELECT 1 FROM outbox);";

    public static async Task<long> ReadCommittedLengthAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectCommittedLength;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long length ? length : 0;
    }

    public static async Task SaveCommittedLengthAsync(SqliteTransaction transaction, long length, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = UpsertCommittedLength;
        command.Transaction = transaction;
        _ = command.Parameters.AddWithValue("$length", length);
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when nothing was ever emitted from this database and nothing waits to be.</summary>
    public static async Task<bool> HasNeverEmittedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectNeverEmitted;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long and not 0;
    }
}

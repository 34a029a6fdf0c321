using System.Globalization;
using FeedHarvester.Feeds;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// Reads feed states straight from a data directory's database, read-only and without the directory lock, so
/// <c>status</c> works while a worker holds it (WAL lets a reader run beside the writer). Only the columns the status
/// table shows are read; the store's own mapper is internal to FeedHarvester.Local.
/// </summary>
internal static class SqliteFeedStateReader
{
    private const string Query = """
        SELECT feed_url, last_outcome, last_message, last_polled_at, last_success_at, next_poll_at, consecutive_errors, articles_emitted, status
        FROM feed_state ORDER BY feed_url;
        """;

    public static async Task<IReadOnlyList<FeedState>> ReadAsync(string databasePath, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,

            // Not pooled: the file is released as soon as the command is done with it.
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var states = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(new FeedState
            {
                FeedUrl = reader.GetString(0),
                LastOutcome = Text(reader, 1),
                LastMessage = Text(reader, 2),
                LastPolledAt = Instant(Text(reader, 3)),
                LastSuccessAt = Instant(Text(reader, 4)),
                NextPollAt = Instant(Text(reader, 5)),
                ConsecutiveErrors = reader.GetInt32(6),
                ArticlesEmitted = reader.GetInt64(7),
                Status = Enum.TryParse<FeedStatus>(reader.GetString(8), out var status) ? status : FeedStatus.Active,
            });
        }

        return states;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Instant(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

using System.Globalization;
using FeedHarvester.Feeds;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>SQL over feed_state and the mapping to <see cref="FeedState"/>; instants kept as round-trip ISO 8601 text.</summary>
internal static class FeedStateTable
{
    private const string Columns = "feed_url, etag, last_modified, last_outcome, last_message, last_polled_at, last_success_at, next_poll_at, consecutive_errors, articles_emitted, "
        + "status, current_url, redirect_candidate, redirect_seen_count, poll_interval_ms";

    private const string SelectOne = "SELECT " + Columns + " FROM feed_state WHERE feed_url = $feed_url;";

    private const string SelectAll = "SELECT " + Columns + " FROM feed_state ORDER BY feed_url;";

    private const string Upsert = "INSERT INTO feed_state (" + Columns + """
        ) VALUES ($feed_url, $etag, $last_modified, $last_outcome, $last_message, $last_polled_at, $last_success_at, $next_poll_at, $consecutive_errors, $articles_emitted,
            $status, $current_url, $redirect_candidate, $redirect_seen_count, $poll_interval_ms)
        ON CONFLICT (feed_url) DO UPDATE SET
            etag = excluded.etag,
            last_modified = excluded.last_modified,
            last_outcome = excluded.last_outcome,
            last_message = excluded.last_message,
            last_polled_at = excluded.last_polled_at,
            last_success_at = excluded.last_success_at,
            next_poll_at = excluded.next_poll_at,
            consecutive_errors = excluded.consecutive_errors,
            articles_emitted = excluded.articles_emitted,
            status = excluded.status,
            current_url = excluded.current_url,
            redirect_candidate = excluded.redirect_candidate,
            redirect_seen_count = excluded.redirect_seen_count,
            poll_interval_ms = excluded.poll_interval_ms;
        """;

    public static async Task<FeedState?> GetAsync(SqliteConnection connection, string feedUrl, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectOne;
        _ = command.Parameters.AddWithValue("$feed_url", feedUrl);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Map(reader) : null;
    }

    public static async Task<IReadOnlyList<FeedState>> ListAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SelectAll;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var states = new List<FeedState>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(Map(reader));
        }

        return states;
    }

    public static async Task SaveAsync(SqliteTransaction transaction, FeedState state, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = Upsert;
        command.Transaction = transaction;
        var parameters = command.Parameters;
        _ = parameters.AddWithValue("$feed_url", state.FeedUrl);
        _ = parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
        _ = parameters.AddWithValue("$last_modified", (object?)state.LastModified ?? DBNull.Value);
        _ = parameters.AddWithValue("$last_outcome", (object?)state.LastOutcome ?? DBNull.Value);
        _ = parameters.AddWithValue("$last_message", (object?)state.LastMessage ?? DBNull.Value);
        _ = parameters.AddWithValue("$last_polled_at", FormatInstant(state.LastPolledAt));
        _ = parameters.AddWithValue("$last_success_at", FormatInstant(state.LastSuccessAt));
        _ = parameters.AddWithValue("$next_poll_at", FormatInstant(state.NextPollAt));
        _ = parameters.AddWithValue("$consecutive_errors", state.ConsecutiveErrors);
        _ = parameters.AddWithValue("$articles_emitted", state.ArticlesEmitted);
        _ = parameters.AddWithValue("$status", state.Status.ToString());
        _ = parameters.AddWithValue("$current_url", (object?)state.CurrentUrl ?? DBNull.Value);
        _ = parameters.AddWithValue("$redirect_candidate", (object?)state.RedirectCandidate ?? DBNull.Value);
        _ = parameters.AddWithValue("$redirect_seen_count", state.RedirectSeenCount);
        _ = parameters.AddWithValue("$poll_interval_ms", state.PollInterval is { } interval ? (long)interval.TotalMilliseconds : DBNull.Value);
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static FeedState Map(SqliteDataReader reader) => new()
    {
        FeedUrl = reader.GetString(0),
        ETag = NullableString(reader, 1),
        LastModified = NullableString(reader, 2),
        LastOutcome = NullableString(reader, 3),
        LastMessage = NullableString(reader, 4),
        LastPolledAt = ParseInstant(NullableString(reader, 5)),
        LastSuccessAt = ParseInstant(NullableString(reader, 6)),
        NextPollAt = ParseInstant(NullableString(reader, 7)),
        ConsecutiveErrors = reader.GetInt32(8),
        ArticlesEmitted = reader.GetInt64(9),
        Status = Enum.TryParse<FeedStatus>(reader.GetString(10), out var status) ? status : FeedStatus.Active,
        CurrentUrl = NullableString(reader, 11),
        RedirectCandidate = NullableString(reader, 12),
        RedirectSeenCount = reader.GetInt32(13),
        PollInterval = reader.IsDBNull(14) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(14)),
    };

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static object FormatInstant(DateTimeOffset? instant) =>
        instant is { } value ? value.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;

    private static DateTimeOffset? ParseInstant(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

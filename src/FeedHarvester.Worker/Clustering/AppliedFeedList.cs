using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// The feed list the cluster's job store was last reconciled to, recorded in feedharvester_feed_list (one row) under the
/// reconcile lock: what a worker's own list is compared with before it may change the jobs.
/// </summary>
internal sealed record AppliedFeedList(string Fingerprint, int FeedCount, DateTimeOffset EditedAt, string AppliedBy, DateTimeOffset AppliedAt)
{
    /// <summary>The table's one row, keyed by the scheduler name every worker of the cluster shares.</summary>
    public const string CreateTable =
        "CREATE TABLE IF NOT EXISTS feedharvester_feed_list (scheduler_name text PRIMARY KEY, fingerprint text NOT NULL, " +
        "feed_count integer NOT NULL, edited_at timestamptz NOT NULL, applied_by text NOT NULL, applied_at timestamptz NOT NULL)";

    public static async Task<AppliedFeedList?> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT fingerprint, feed_count, edited_at, applied_by, applied_at FROM feedharvester_feed_list WHERE scheduler_name = @name", connection);
        _ = command.Parameters.AddWithValue("name", ClusterDefaults.SchedulerName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new AppliedFeedList(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Records <paramref name="version"/> as applied; the same list applied again keeps the later of the two edit times.</summary>
    public static async Task<AppliedFeedList> WriteAsync(NpgsqlConnection connection, FeedListVersion version, string appliedBy, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(version);
        await using var command = new NpgsqlCommand(
            "INSERT INTO feedharvester_feed_list (scheduler_name, fingerprint, feed_count, edited_at, applied_by, applied_at) " +
            "VALUES (@name, @fingerprint, @count, @edited, @by, @at) ON CONFLICT (scheduler_name) DO UPDATE SET " +
            "edited_at = CASE WHEN feedharvester_feed_list.fingerprint = EXCLUDED.fingerprint THEN GREATEST(feedharvester_feed_list.edited_at, EXCLUDED.edited_at) ELSE EXCLUDED.edited_at END, " +
            "fingerprint = EXCLUDED.fingerprint, feed_count = EXCLUDED.feed_count, applied_by = EXCLUDED.applied_by, applied_at = EXCLUDED.applied_at", connection);
        _ = command.Parameters.AddWithValue("name", ClusterDefaults.SchedulerName);
        _ = command.Parameters.AddWithValue("fingerprint", version.Fingerprint);
        _ = command.Parameters.AddWithValue("count", version.FeedCount);
        _ = command.Parameters.AddWithValue("edited", version.EditedAt.UtcDateTime);
        _ = command.Parameters.AddWithValue("by", appliedBy);
        _ = command.Parameters.AddWithValue("at", appliedAt.UtcDateTime);
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("the applied feed list was written and is not there");
    }
}

using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Every feed job in the cluster's store with its description (<see cref="FeedJobData.Summary"/>) and whether it has a
/// trigger, in one query on Quartz's own tables, so a reconcile of thousands of unchanged feeds costs one round trip.
/// </summary>
internal static class StoredFeedJobs
{
    public static async Task<Dictionary<string, StoredFeedJob>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"SELECT j.job_name, j.description, EXISTS (SELECT 1 FROM {ClusterDefaults.TablePrefix}triggers t " +
            "WHERE t.sched_name = j.sched_name AND t.job_name = j.job_name AND t.job_group = j.job_group) " +
            $"FROM {ClusterDefaults.TablePrefix}job_details j WHERE j.sched_name = @scheduler AND j.job_group = @group", connection);
        _ = command.Parameters.AddWithValue("scheduler", ClusterDefaults.SchedulerName);
        _ = command.Parameters.AddWithValue("group", ClusterDefaults.JobGroup);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var jobs = new Dictionary<string, StoredFeedJob>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs[reader.GetString(0)] = new StoredFeedJob(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2));
        }

        return jobs;
    }
}

/// <summary>One stored feed job: its description and whether a trigger fires it.</summary>
internal sealed record StoredFeedJob(string? Description, bool HasTrigger);

using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Clustering;

/// <summary>The clustered mode's log events (ids 240 to 249).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 240, Level = LogLevel.Information,
        Message = "Cluster job store {Database}: {FeedCount} feeds reconciled ({Added} added, {Removed} removed, {Changed} changed, {Unchanged} unchanged)")]
    public static partial void Reconciled(ILogger logger, string database, int feedCount, int added, int removed, int changed, int unchanged);

    [LoggerMessage(EventId = 241, Level = LogLevel.Information, Message = "Polling {FeedUrl} again: its poll was cut off on a worker that stopped checking in")]
    public static partial void PollRecovered(ILogger logger, string feedUrl);

    [LoggerMessage(EventId = 242, Level = LogLevel.Warning,
        Message = "The next poll of {FeedUrl} could not be stored in the cluster database ({Reason}); retrying, and until then its trigger repeats at the feed's interval")]
    public static partial void TriggerNotMoved(ILogger logger, string feedUrl, string reason);

    [LoggerMessage(EventId = 243, Level = LogLevel.Error,
        Message = "The cluster database {Database} does not answer ({Reason}): polls running now finish, new ones wait for it")]
    public static partial void DatabaseDown(ILogger logger, string database, string reason);

    [LoggerMessage(EventId = 244, Level = LogLevel.Information, Message = "The cluster database {Database} answers again after {Outage}")]
    public static partial void DatabaseBack(ILogger logger, string database, TimeSpan outage);

    [LoggerMessage(EventId = 245, Level = LogLevel.Information, Message = "Cluster database {Database}: Quartz schema created (version {Version})")]
    public static partial void SchemaCreated(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 246, Level = LogLevel.Warning, Message = "The feed list could not be reconciled into the cluster database ({Reason}); it is tried again in {Delay}")]
    public static partial void ReconcileFailed(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 247, Level = LogLevel.Information, Message = "Joined cluster {SchedulerName} as {InstanceId}")]
    public static partial void Joined(ILogger logger, string schedulerName, string instanceId);

    [LoggerMessage(EventId = 248, Level = LogLevel.Warning,
        Message = "This worker's feed list ({FeedCount} feeds, edited {EditedAt:u}) differs from the one the cluster job store {Database} runs ({AppliedCount} feeds, edited {AppliedEditedAt:u}, applied by {AppliedBy}), which is not older: the store keeps it and this worker polls its jobs; edit this worker's list to change them")]
    public static partial void OlderListKept(ILogger logger, int feedCount, DateTimeOffset editedAt, string database, int appliedCount, DateTimeOffset appliedEditedAt, string appliedBy);
}

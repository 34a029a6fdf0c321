using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// One Quartz job per feed. Thin: polls through the feed poller, then moves its own trigger to the next poll
/// time the poller decided (interval with jitter, or back-off after failures).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollFeedJob(FeedPoller poller, FeedCatalog catalog, Health.HealthState health) : IJob
{
    public const string FeedUrlKey = "feedUrl";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feedUrl = context.MergedJobDataMap.GetString(FeedUrlKey);
        if (feedUrl is null || catalog.Find(feedUrl) is not { } feed)
        {
            return;
        }

        var report = await poller.PollAsync(feed, cancellationToken, followStoredSchedule: true).ConfigureAwait(false);
        if (report.Succeeded)
        {
            health.PollSucceeded();
        }

        if (report.NextPollAt is not { } nextPoll)
        {
            // Disabled (410 Gone): the job ends with no trigger left.
            _ = await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var next = TriggerBuilder.Create()
            .WithIdentity(context.Trigger.Key)
            .ForJob(context.JobDetail.Key)
            .StartAt(nextPoll)
            .Build();
        _ = await context.Scheduler.RescheduleJob(context.Trigger.Key, next, cancellationToken).ConfigureAwait(false);
    }
}

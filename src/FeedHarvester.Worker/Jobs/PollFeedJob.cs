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

        PollReport report;
        try
        {
            report = await poller.PollAsync(feed, cancellationToken, followStoredSchedule: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: an interrupted poll loses nothing (its validators were not advanced) and is not an error to log.
            return;
        }

        if (report.Succeeded)
        {
            health.PollSucceeded();
        }

        try
        {
            await RescheduleAsync(context, report, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException)
        {
            // A poll that finished while the service stops: its next poll is in the stored state, which the next start follows.
            if (!await IsShutDownAsync(context).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private static async Task<bool> IsShutDownAsync(IJobExecutionContext context)
    {
        try
        {
            _ = await context.Scheduler.GetTrigger(context.Trigger.Key).ConfigureAwait(false);
            return false;
        }
        catch (SchedulerException)
        {
            return true;
        }
    }

    private static async Task RescheduleAsync(IJobExecutionContext context, PollReport report, CancellationToken cancellationToken)
    {
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

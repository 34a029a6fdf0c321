using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// A feed's job in clustered mode, fired on exactly one worker of the cluster. Polls the feed its job data describes (no
/// lease, no stored-schedule check: the clustered store already keeps every other worker off it), then moves the feed's
/// trigger to the next poll the poller chose. A poll cut off by a dead worker is fired again elsewhere (recovery) and
/// repeats safely: validators advance only after every article was claimed, and the claim is atomic.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ClusterPollJob(
    FeedPoller poller,
    PollSchedule schedule,
    HealthState health,
    ClusterDatabaseMonitor database,
    TimeProvider timeProvider,
    ILogger<ClusterPollJob> logger) : IJob
{
    /// <summary>How soon a next poll the database refused to store is tried again.</summary>
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (FeedJobData.FromMap(context.JobDetail.JobDataMap) is not { } feed)
        {
            return;
        }

        if (context.Recovering)
        {
            Log.PollRecovered(logger, feed.Url.AbsoluteUri);
        }

        var report = await poller.PollAsync(feed, cancellationToken).ConfigureAwait(false);
        if (report.Succeeded)
        {
            health.PollSucceeded();
        }

        if (report.NextPollAt is not { } nextPoll)
        {
            // Gone (410): the feed is not polled again, on any worker.
            _ = await context.Scheduler.DeleteJob(context.JobDetail.Key, cancellationToken).ConfigureAwait(false);
            return;
        }

        await MoveTriggerAsync(context.Scheduler, feed, nextPoll, cancellationToken).ConfigureAwait(false);
    }

    // A reconcile may have re-timed the feed while it was polled: the trigger then takes the job's new interval (and comes
    // no later than one of it), not the interval this poll was fired with.
    private async Task<ITrigger> NextTriggerAsync(IScheduler scheduler, FeedDefinition polled, DateTimeOffset nextPoll, CancellationToken cancellationToken)
    {
        var url = polled.Url.AbsoluteUri;
        var job = await scheduler.GetJobDetail(FeedTriggers.JobKeyOf(url), cancellationToken).ConfigureAwait(false);
        if (job is null || FeedJobData.FromMap(job.JobDataMap) is not { } current || current == polled)
        {
            return FeedTriggers.Trigger(url, nextPoll, schedule.IntervalOf(polled));
        }

        var due = timeProvider.GetUtcNow() + schedule.IntervalOf(current);
        return FeedTriggers.Trigger(url, nextPoll < due ? nextPoll : due, schedule.IntervalOf(current));
    }

    // The feed's own trigger is moved, also when this firing is a recovery trigger's; recovery may have removed it, and a
    // reconcile on another worker may add it back (or remove the feed) at the same moment, so this goes round until one of
    // the steps holds.
    private async Task MoveTriggerAsync(IScheduler scheduler, FeedDefinition feed, DateTimeOffset nextPoll, CancellationToken cancellationToken)
    {
        var warned = false;
        while (true)
        {
            try
            {
                var trigger = await NextTriggerAsync(scheduler, feed, nextPoll, cancellationToken).ConfigureAwait(false);
                if (await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }

                // No trigger: recovery removed it, or an edit removed the feed (its job with it) while this poll ran.
                if (await scheduler.GetJobDetail(FeedTriggers.JobKeyOf(feed.Url.AbsoluteUri), cancellationToken).ConfigureAwait(false) is null)
                {
                    return;
                }

                _ = await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Added by a reconcile in between: moved on the next pass.
            }
            catch (SchedulerException) when (cancellationToken.IsCancellationRequested || scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
            {
                // Stopping: the trigger still repeats at the feed's interval, on whichever worker is left.
                return;
            }
            catch (JobPersistenceException ex)
            {
                // While the database is down its outage line says why; a failure it does not explain gets a line of its own.
                if (!warned && database.IsReachable)
                {
                    Log.TriggerNotMoved(logger, feed.Url.AbsoluteUri, ex.Message);
                    warned = true;
                }

                try
                {
                    await Task.Delay(StoreRetryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

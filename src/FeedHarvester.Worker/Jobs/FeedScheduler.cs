using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// At start-up: writes out what an interrupted run left queued, then gives every enabled feed a Quartz job
/// whose first poll is its stored next-poll time, or a random moment soon, so feeds do not all fire together.
/// </summary>
public sealed partial class FeedScheduler(
    ISchedulerFactory schedulerFactory,
    FeedCatalog catalog,
    HarvestPipeline pipeline,
    IFeedStateStore states,
    PollSchedule schedule,
    TimeProvider timeProvider,
    Health.HealthState health,
    ILogger<FeedScheduler> logger) : IHostedService
{
    private const string JobGroup = "feeds";

    /// <summary>First polls after start-up are spread over at most this long.</summary>
    private static readonly TimeSpan StartSpread = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = await pipeline.RecoverAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var enabled = catalog.Feeds.Where(f => f.Enabled).ToList();
        foreach (var feed in enabled)
        {
            var state = await StoredStateAsync(feed, cancellationToken).ConfigureAwait(false);
            if (state?.Status == FeedStatus.Gone)
            {
                continue;
            }

            await ScheduleAsync(scheduler, feed, FirstPollOf(feed, state, now), cancellationToken).ConfigureAwait(false);
        }

        health.SchedulerStarted();
        LogScheduled(logger, enabled.Count, catalog.Feeds.Count - enabled.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Gives <paramref name="feed"/> its job, first firing at <paramref name="firstPoll"/> (replacing any it had).</summary>
    internal static async Task ScheduleAsync(IScheduler scheduler, FeedDefinition feed, DateTimeOffset firstPoll, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<PollFeedJob>()
            .WithIdentity(feed.Url.AbsoluteUri, JobGroup)
            .UsingJobData(PollFeedJob.FeedUrlKey, feed.Url.AbsoluteUri)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(feed.Url.AbsoluteUri, JobGroup)
            .StartAt(firstPoll)
            .Build();
        _ = await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes <paramref name="feed"/>'s job; a poll already running finishes.</summary>
    internal static Task<bool> UnscheduleAsync(IScheduler scheduler, FeedDefinition feed, CancellationToken cancellationToken) =>
        scheduler.DeleteJob(new JobKey(feed.Url.AbsoluteUri, JobGroup), cancellationToken).AsTask();

    /// <summary>When <paramref name="feed"/>'s job fires next, or null when it has none.</summary>
    internal static async Task<DateTimeOffset?> NextFireAsync(IScheduler scheduler, FeedDefinition feed, CancellationToken cancellationToken)
    {
        var trigger = await scheduler.GetTrigger(new TriggerKey(feed.Url.AbsoluteUri, JobGroup), cancellationToken).ConfigureAwait(false);
        return trigger?.NextFireTimeUtc;
    }

    // A store that is down at start-up (Redis restarting) must not keep the worker from starting: the feed is
    // scheduled as if new, and its first poll reports the outage and retries.
    private async Task<FeedState?> StoredStateAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        try
        {
            return await states.GetFeedStateAsync(feed.Url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// A stored next poll is kept when it is a back-off (errors, Retry-After) and otherwise capped at the feed's
    /// configured interval, so a shortened interval takes effect at start-up; a feed never polled starts soon.
    /// </summary>
    private DateTimeOffset FirstPollOf(FeedDefinition feed, FeedState? state, DateTimeOffset now)
    {
        if (state?.NextPollAt is not { } stored || stored <= now)
        {
            return schedule.FirstPoll(feed, now, StartSpread);
        }

        var cap = now + schedule.IntervalOf(feed);
        return state.ConsecutiveErrors > 0 || stored < cap ? stored : cap;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Scheduled {FeedCount} feeds ({DisabledCount} disabled)")]
    private static partial void LogScheduled(ILogger logger, int feedCount, int disabledCount);
}

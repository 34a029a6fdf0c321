using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// At start-up: writes out what an interrupted run left queued, then gives every enabled feed a Quartz job
/// whose first poll is its stored next-poll time, or a random moment soon, so feeds do not all fire together.
/// </summary>
internal sealed partial class FeedScheduler(
    ISchedulerFactory schedulerFactory,
    FeedCatalog catalog,
    EmitPump emitter,
    IFeedStateStore states,
    PollSchedule schedule,
    TimeProvider timeProvider,
    Health.HealthState health,
    ILogger<FeedScheduler> logger) : IHostedService
{
    private const string JobGroup = Health.OverduePollCheck.FeedGroup;

    /// <summary>First polls after start-up are spread over at most this long.</summary>
    private static readonly TimeSpan StartSpread = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = await emitter.RecoverAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var enabled = catalog.Feeds.Where(f => f.Enabled).ToList();
        var distrusted = new List<(FeedDefinition Feed, DateTimeOffset Stored)>();
        foreach (var feed in enabled)
        {
            var state = await StoredStateAsync(feed, cancellationToken).ConfigureAwait(false);
            if (state?.Status == FeedStatus.Gone)
            {
                continue;
            }

            if (state?.NextPollAt is { } stored && !schedule.IsWithinLongestWait(feed, stored, now))
            {
                distrusted.Add((feed, stored));
            }

            await ScheduleAsync(scheduler, feed, FirstPollOf(feed, state, now), cancellationToken).ConfigureAwait(false);
        }

        if (distrusted.Count > 0)
        {
            var (example, stored) = distrusted.MaxBy(d => d.Stored);
            LogStoredPollsTooFarAhead(logger, distrusted.Count, example.Url.AbsoluteUri, stored, StartSpread);
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

    /// <summary>Moves the next poll of <paramref name="feed"/>'s job to <paramref name="at"/>; false when it has no job.</summary>
    internal static async Task<bool> MoveAsync(IScheduler scheduler, FeedDefinition feed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = new TriggerKey(feed.Url.AbsoluteUri, JobGroup);
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(new JobKey(feed.Url.AbsoluteUri, JobGroup)).StartAt(at).Build();
        return await scheduler.RescheduleJob(key, trigger, cancellationToken).ConfigureAwait(false) is not null;
    }

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
    /// configured interval, so a shortened interval takes effect at start-up; a feed never polled starts soon, and so
    /// does one whose stored next poll is further ahead than the schedule ever waits (chosen by a clock that was ahead,
    /// it would otherwise park the feed for as long as the clock was wrong).
    /// </summary>
    private DateTimeOffset FirstPollOf(FeedDefinition feed, FeedState? state, DateTimeOffset now)
    {
        if (state?.NextPollAt is not { } stored || stored <= now || !schedule.IsWithinLongestWait(feed, stored, now))
        {
            return schedule.FirstPoll(feed, now, StartSpread);
        }

        var cap = now + schedule.IntervalOf(feed);
        return state.ConsecutiveErrors > 0 || stored < cap ? stored : cap;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Scheduled {FeedCount} feeds ({DisabledCount} disabled)")]
    private static partial void LogScheduled(ILogger logger, int feedCount, int disabledCount);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning,
        Message = "{FeedCount} feeds had a next poll stored further ahead than their schedule ever waits (the furthest: {FeedUrl} at {StoredNextPoll:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}): " +
            "the clock was ahead when it was chosen; they are polled within {Spread} instead")]
    private static partial void LogStoredPollsTooFarAhead(ILogger logger, int feedCount, string feedUrl, DateTimeOffset storedNextPoll, TimeSpan spread);
}

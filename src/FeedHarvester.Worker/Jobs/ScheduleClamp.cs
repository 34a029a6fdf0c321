using FeedHarvester.Feeds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// Every <see cref="CheckInterval"/>, moves each feed whose next poll is further ahead than its schedule ever waits
/// (<see cref="PollSchedule.LongestWait"/>) to a poll soon. Only a wall clock that went back after the poll was scheduled
/// (set a year ahead, then corrected) leaves such a trigger, and Quartz would wait out the whole jump; the poll then sets
/// the feed's next poll from the corrected clock, keeping its back-off if it still fails.
/// </summary>
internal sealed partial class ScheduleClamp(
    ISchedulerFactory schedulerFactory,
    FeedCatalog catalog,
    PollSchedule schedule,
    TimeProvider timeProvider,
    ILogger<ScheduleClamp> logger) : BackgroundService
{
    /// <summary>A clock corrected backwards leaves feeds waiting at most this long beyond their longest wait.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>Moved feeds are spread over this long, as at start-up, so they do not all fire at once.</summary>
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _ = await ClampAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Moves every too-distant next poll; returns how many feeds were moved.</summary>
    internal async Task<int> ClampAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var moved = 0;
        (string FeedUrl, DateTimeOffset NextPoll)? furthest = null;
        foreach (var feed in catalog.Feeds.Where(f => f.Enabled))
        {
            if (await FeedScheduler.NextFireAsync(scheduler, feed, cancellationToken).ConfigureAwait(false) is not { } next
                || schedule.IsWithinLongestWait(feed, next, now))
            {
                continue;
            }

            if (await FeedScheduler.MoveAsync(scheduler, feed, schedule.FirstPoll(feed, now, Spread), cancellationToken).ConfigureAwait(false))
            {
                moved++;
                furthest = furthest is { } seen && seen.NextPoll >= next ? seen : (feed.Url.AbsoluteUri, next);
            }
        }

        if (furthest is { } example)
        {
            LogMoved(logger, moved, example.FeedUrl, example.NextPoll, Spread);
        }

        return moved;
    }

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning,
        Message = "The clock went back: {FeedCount} feeds were scheduled further ahead than their schedule ever waits (the furthest: {FeedUrl} at {NextPoll:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}); " +
            "they are polled within {Spread} instead")]
    private static partial void LogMoved(ILogger logger, int feedCount, string feedUrl, DateTimeOffset nextPoll, TimeSpan spread);
}

using FeedHarvester.Feeds;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// The embedded and Redis modes' schedule, one in-memory Quartz job per feed: a new feed is scheduled within seconds, a
/// removed or disabled one unscheduled, a changed interval applied.
/// </summary>
internal sealed class LocalFeedListApplier(ISchedulerFactory schedulerFactory, PollSchedule schedule, TimeProvider timeProvider) : IFeedListApplier
{
    /// <summary>A new feed's first poll lands within this long.</summary>
    private static readonly TimeSpan NewFeedSpread = TimeSpan.FromSeconds(5);

    public async Task ApplyAsync(FeedListChange change, IReadOnlyList<FeedDefinition> feeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        foreach (var feed in change.Added.Where(f => f.Enabled))
        {
            await FeedScheduler.ScheduleAsync(scheduler, feed, schedule.FirstPoll(feed, now, NewFeedSpread), cancellationToken).ConfigureAwait(false);
        }

        foreach (var feed in change.Removed.Concat(change.Changed.Where(f => !f.Enabled)))
        {
            _ = await FeedScheduler.UnscheduleAsync(scheduler, feed, cancellationToken).ConfigureAwait(false);
        }

        foreach (var feed in change.Changed.Where(f => f.Enabled))
        {
            await ApplyChangeAsync(scheduler, feed, now, cancellationToken).ConfigureAwait(false);
        }
    }

    // A feed that was disabled gets a job again; a shorter interval brings its next poll forward.
    private async Task ApplyChangeAsync(IScheduler scheduler, FeedDefinition feed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = await FeedScheduler.NextFireAsync(scheduler, feed, cancellationToken).ConfigureAwait(false);
        var due = now + schedule.IntervalOf(feed);
        if (next is null || next > due)
        {
            await FeedScheduler.ScheduleAsync(scheduler, feed, next is null ? schedule.FirstPoll(feed, now, NewFeedSpread) : due, cancellationToken).ConfigureAwait(false);
        }
    }
}

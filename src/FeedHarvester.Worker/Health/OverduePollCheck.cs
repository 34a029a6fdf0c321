using Quartz;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// Asks the scheduler for feeds whose next poll lies more than <see cref="ObservabilityOptions.OverdueGrace"/> in the
/// past. A trigger that has fired has no next fire time until its job sets the next one, so a poll that is running
/// never counts; only a poll that should have started and did not (every scheduler thread stuck, a scheduler that
/// stopped firing) does.
/// </summary>
internal sealed class OverduePollCheck(ISchedulerFactory schedulerFactory, ObservabilityOptions options, TimeProvider timeProvider)
{
    /// <summary>The Quartz group every feed's trigger is in.</summary>
    public const string FeedGroup = "feeds";

    /// <returns>The overdue feeds, or null when none is.</returns>
    public async Task<OverduePoll?> FindAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var cutoff = timeProvider.GetUtcNow() - options.OverdueGrace;
        // Headers only (no job data); the store's own cutoff filter is only a first sieve, the comparison that decides is
        // made here against the worker's clock.
        var page = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(FeedGroup), NextFireTimeBefore = cutoff, Take = PagedQuery.All },
            cancellationToken).ConfigureAwait(false);
        var overdue = page.Items.Where(t => t.NextFireTimeUtc < cutoff).OrderBy(t => t.NextFireTimeUtc).ToList();
        return overdue.Count == 0 ? null : new OverduePoll(overdue.Count, overdue[0].Key.Name, overdue[0].NextFireTimeUtc!.Value);
    }
}

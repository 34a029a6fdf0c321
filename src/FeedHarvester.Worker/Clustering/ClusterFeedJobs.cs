using FeedHarvester.Feeds;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Reconciles a feed list into the cluster's job store: afterwards every enabled feed has one job (its definition as the
/// job's data) with one trigger, and no other feed has a job. Idempotent, so every worker runs it on its list at start and
/// on every edit; runs one at a time across the cluster (<see cref="ReconcileLock"/>), and every write is keyed by the
/// feed's URL, so no interleaving with polls moving their triggers can give a feed two jobs or none.
/// </summary>
internal sealed class ClusterFeedJobs(ISchedulerFactory schedulerFactory, IFeedStateStore states, PollSchedule schedule, TimeProvider timeProvider, ClusterOptions options)
{
    /// <summary>Makes the job store hold <paramref name="feeds"/>; a feed new to it is first polled within <paramref name="spread"/>.</summary>
    public async Task<ReconcileResult> ReconcileAsync(IReadOnlyList<FeedDefinition> feeds, TimeSpan spread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        await using var held = await ReconcileLock.AcquireAsync(options.ConnectionString!, cancellationToken).ConfigureAwait(false);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wanted = feeds.Where(f => f.Enabled).DistinctBy(f => f.Url.AbsoluteUri).ToDictionary(f => f.Url.AbsoluteUri, StringComparer.Ordinal);
        var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ClusterDefaults.JobGroup), cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var key in stored.Where(k => !wanted.ContainsKey(k.Name)))
        {
            removed += await scheduler.DeleteJob(key, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        int added = 0, changed = 0, unchanged = 0;
        foreach (var feed in wanted.Values)
        {
            switch (await ReconcileAsync(scheduler, feed, spread, cancellationToken).ConfigureAwait(false))
            {
                case FeedJobChange.Added:
                    added++;
                    break;
                case FeedJobChange.Changed:
                    changed++;
                    break;
                default:
                    unchanged++;
                    break;
            }
        }

        return new ReconcileResult(added, removed, changed, unchanged);
    }

    private async Task<FeedJobChange> ReconcileAsync(IScheduler scheduler, FeedDefinition feed, TimeSpan spread, CancellationToken cancellationToken)
    {
        var url = feed.Url.AbsoluteUri;
        var now = timeProvider.GetUtcNow();
        var job = await scheduler.GetJobDetail(FeedTriggers.JobKeyOf(url), cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            // A feed that answered 410 Gone deleted its own job; it stays unpolled until `feeds reset` clears its state.
            if ((await states.GetFeedStateAsync(url, cancellationToken).ConfigureAwait(false))?.Status == FeedStatus.Gone)
            {
                return FeedJobChange.None;
            }

            return await TryScheduleAsync(scheduler, FeedTriggers.Job(feed), FeedTriggers.Trigger(url, schedule.FirstPoll(feed, now, spread), schedule.IntervalOf(feed)), cancellationToken).ConfigureAwait(false)
                ? FeedJobChange.Added
                : FeedJobChange.None;
        }

        var redefined = !FeedJobData.Describes(job.JobDataMap, feed);
        if (redefined)
        {
            await scheduler.AddJob(FeedTriggers.Job(feed), AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        }

        var trigger = await scheduler.GetTrigger(FeedTriggers.TriggerKeyOf(url), cancellationToken).ConfigureAwait(false);
        if (trigger is null)
        {
            // Recovery removes the trigger of a poll cut off mid-run; while its recovery trigger is pending, that poll puts it back.
            var pending = await scheduler.GetTriggersOfJob(job.Key, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0)
            {
                _ = await TryScheduleAsync(scheduler, null, FeedTriggers.Trigger(url, schedule.FirstPoll(feed, now, spread), schedule.IntervalOf(feed)), cancellationToken).ConfigureAwait(false);
                return FeedJobChange.Changed;
            }
        }
        else if (redefined)
        {
            // A shorter interval brings the next poll forward; the trigger repeats at the new interval either way.
            var due = now + schedule.IntervalOf(feed);
            var next = trigger.NextFireTimeUtc is { } at && at < due ? at : due;
            _ = await scheduler.RescheduleJob(trigger.Key, FeedTriggers.Trigger(url, next, schedule.IntervalOf(feed)), cancellationToken).ConfigureAwait(false);
        }

        return redefined ? FeedJobChange.Changed : FeedJobChange.None;
    }

    // Another worker's reconcile, or the feed's own poll, may have stored it first: then it is there, which is the point.
    private static async Task<bool> TryScheduleAsync(IScheduler scheduler, IJobDetail? job, ITrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            _ = job is null
                ? await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    private enum FeedJobChange
    {
        None,
        Added,
        Changed,
    }
}

using FeedHarvester.Feeds;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Reconciles a feed list into the cluster's job store: afterwards every enabled feed has one job (its definition as the
/// job's data) with one trigger, and no other feed has a job. Idempotent, so every worker runs it on its list at start and
/// on every edit; runs one at a time across the cluster (<see cref="ReconcileLock"/>), and every write is keyed by the
/// feed's URL, so no interleaving with polls moving their triggers can give a feed two jobs or none.
/// The last edit wins, not the last reconcile: the list applied is recorded (<see cref="AppliedFeedList"/>), and a worker's
/// list that differs from it is applied only when it was edited later (<see cref="FeedListVersion.Supersedes"/>), so a
/// worker that has not picked up an edit yet, or starts with a stale copy of the list, leaves the jobs as they are.
/// </summary>
internal sealed class ClusterFeedJobs(ISchedulerFactory schedulerFactory, IFeedStateStore states, PollSchedule schedule, TimeProvider timeProvider, ClusterOptions options)
{
    /// <summary>Jobs stored or deleted in one transaction.</summary>
    private const int ScheduleBatch = 500;

    /// <summary>
    /// Makes the job store hold <paramref name="feeds"/>, edited at <paramref name="editedAt"/>, unless it runs a list edited
    /// later; a feed new to it is first polled within <paramref name="spread"/>.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset editedAt, TimeSpan spread, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        await using var held = await ReconcileLock.AcquireAsync(options.ConnectionString!, cancellationToken).ConfigureAwait(false);
        var version = FeedListVersion.Of(feeds, editedAt);
        var applied = await AppliedFeedList.ReadAsync(held.Connection, cancellationToken).ConfigureAwait(false);
        if (!version.Supersedes(applied))
        {
            return new ReconcileResult(0, 0, 0, 0, applied!, Kept: true);
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var wanted = feeds.Where(f => f.Enabled).DistinctBy(f => f.Url.AbsoluteUri).ToDictionary(f => f.Url.AbsoluteUri, StringComparer.Ordinal);
        var stored = await StoredFeedJobs.ReadAsync(held.Connection, cancellationToken).ConfigureAwait(false);
        var gone = stored.Keys.Where(url => !wanted.ContainsKey(url)).Select(FeedTriggers.JobKeyOf).ToList();
        var removed = gone.Count == 0 ? 0 : await DeleteAsync(scheduler, gone, cancellationToken).ConfigureAwait(false);

        var now = timeProvider.GetUtcNow();
        var fresh = new List<FeedDefinition>();
        int added = 0, changed = 0, unchanged = 0;
        foreach (var feed in wanted.Values)
        {
            if (!stored.TryGetValue(feed.Url.AbsoluteUri, out var job))
            {
                // A feed that answered 410 Gone deleted its own job; it stays unpolled until `feeds reset` clears its state.
                if ((await states.GetFeedStateAsync(feed.Url.AbsoluteUri, cancellationToken).ConfigureAwait(false))?.Status != FeedStatus.Gone)
                {
                    fresh.Add(feed);
                }
            }
            else if (job.HasTrigger && string.Equals(job.Description, FeedJobData.Summary(feed), StringComparison.Ordinal))
            {
                // The common case at every start and edit, answered from the one listing without a call per feed.
                unchanged++;
            }
            else
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
        }

        foreach (var batch in fresh.Chunk(ScheduleBatch))
        {
            added += await ScheduleAsync(scheduler, batch, now, spread, cancellationToken).ConfigureAwait(false);
        }

        var recorded = await AppliedFeedList.WriteAsync(held.Connection, version, scheduler.SchedulerInstanceId, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new ReconcileResult(added, removed, changed, unchanged, recorded);
    }

    private static async Task<int> DeleteAsync(IScheduler scheduler, IReadOnlyCollection<JobKey> jobs, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var batch in jobs.Chunk(ScheduleBatch))
        {
            // Quartz answers with the keys it found and deleted.
            removed += (await scheduler.DeleteJobs(batch, cancellationToken).ConfigureAwait(false)).Count;
        }

        return removed;
    }

    // One transaction for a batch of new feeds instead of one each: a cluster's first start with thousands of feeds takes
    // seconds, not the minutes of a round of the cluster's trigger lock per feed while three schedulers also want it.
    private async Task<int> ScheduleAsync(IScheduler scheduler, IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, TimeSpan spread, CancellationToken cancellationToken)
    {
        var batch = feeds.ToDictionary(
            f => FeedTriggers.Job(f),
            f => (IReadOnlyCollection<ITrigger>)[FeedTriggers.Trigger(f.Url.AbsoluteUri, schedule.FirstPoll(f, now, spread), schedule.IntervalOf(f))]);
        try
        {
            await scheduler.ScheduleJobs(batch, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            return feeds.Count;
        }
        catch (ObjectAlreadyExistsException)
        {
            // Stored in the meantime by something other than a reconcile (none is expected): one at a time, keeping what is there.
            var added = 0;
            foreach (var (job, triggers) in batch)
            {
                added += await TryScheduleAsync(scheduler, job, triggers.Single(), cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }

            return added;
        }
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

        // A job stored before its description carried the definition is rewritten once, so the next listing answers for it.
        var redefined = !FeedJobData.Describes(job.JobDataMap, feed) || !string.Equals(job.Description, FeedJobData.Summary(feed), StringComparison.Ordinal);
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

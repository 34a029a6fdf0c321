using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;
using Quartz;

namespace FeedHarvester.Worker.Jobs;

/// <summary>
/// One Quartz job per feed. Thin: polls through the pipeline, then moves its own trigger to the next poll
/// time the pipeline decided (interval with jitter, or back-off after failures).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollFeedJob(HarvestPipeline pipeline, FeedCatalog catalog, IFeedStateStore states, Health.HealthState health, TimeProvider timeProvider) : IJob
{
    public const string FeedUrlKey = "feedUrl";

    /// <summary>A stored next poll this far ahead means another worker sharing the store has just polled the feed.</summary>
    private static readonly TimeSpan PolledElsewhereSlack = TimeSpan.FromSeconds(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feedUrl = context.MergedJobDataMap.GetString(FeedUrlKey);
        if (feedUrl is null || catalog.Find(feedUrl) is not { } feed)
        {
            return;
        }

        var report = await PollUnlessPolledElsewhereAsync(feed, cancellationToken).ConfigureAwait(false);
        if (report is { Succeeded: true })
        {
            health.PollSucceeded();
        }

        if (report?.NextPollAt is not { } nextPoll)
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

    // Workers sharing one store (Redis mode) each keep their own timers: the one that fires second finds the
    // feed already polled and follows the stored schedule instead of polling again.
    private async Task<PollReport?> PollUnlessPolledElsewhereAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        FeedState? state;
        try
        {
            state = await states.GetFeedStateAsync(feed.Url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: let the pipeline try, it reports that as a value and sets the retry.
            state = null;
        }

        if (state?.NextPollAt is { } stored && stored > timeProvider.GetUtcNow() + PolledElsewhereSlack)
        {
            return PollReport.Skipped(feed.Url.AbsoluteUri, PollOutcome.Leased, "polled by another worker") with { NextPollAt = stored };
        }

        return state?.Status == FeedStatus.Gone ? null : await pipeline.PollAsync(feed, cancellationToken).ConfigureAwait(false);
    }
}

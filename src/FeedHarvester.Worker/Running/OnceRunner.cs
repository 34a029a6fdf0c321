using System.Collections.Concurrent;
using System.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Worker.Running;

/// <summary><c>run --once</c>: every enabled feed polled once, every article finished and written, then a summary.</summary>
public sealed class OnceRunner(HarvestPipeline pipeline, SchedulingOptions scheduling)
{
    public async Task<HarvestSummary> RunAsync(IReadOnlyList<FeedDefinition> feeds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var recovered = await pipeline.RecoverAsync(cancellationToken).ConfigureAwait(false);
        var reports = new ConcurrentBag<PollReport>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = scheduling.MaxConcurrentFeeds, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(feeds.Where(f => f.Enabled), parallel, async (feed, token) =>
            reports.Add(await pipeline.PollAsync(feed, token).ConfigureAwait(false))).ConfigureAwait(false);
        return HarvestSummary.From(reports, recovered, Stopwatch.GetElapsedTime(started));
    }
}

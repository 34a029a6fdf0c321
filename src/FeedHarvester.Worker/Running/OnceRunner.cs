using System.Collections.Concurrent;
using System.Diagnostics;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Worker.Running;

/// <summary><c>run --once</c>: every enabled feed polled once, every article finished and written, then a summary.</summary>
internal sealed class OnceRunner(FeedPoller poller, EmitPump emitter, SchedulingOptions scheduling, HarvestMetrics metrics)
{
    private static readonly TimeSpan LeaseRetryDelay = TimeSpan.FromSeconds(1);

    public async Task<HarvestSummary> RunAsync(IReadOnlyList<FeedDefinition> feeds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var stagesBefore = metrics.Stages.Snapshot();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var gcBefore = GcActivity.Now();
        var threadsBefore = ThreadCpu.Now();
        var recovered = await emitter.RecoverAsync(cancellationToken).ConfigureAwait(false);
        var reports = new ConcurrentBag<PollReport>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = scheduling.MaxConcurrentFeeds, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(feeds.Where(f => f.Enabled), parallel, async (feed, token) =>
            reports.Add(await PollOnceAsync(feed, token).ConfigureAwait(false))).ConfigureAwait(false);
        var stages = metrics.Stages.Snapshot().Zip(stagesBefore, (now, before) => now.Since(before)).ToList();
        return HarvestSummary.From(reports, recovered, Stopwatch.GetElapsedTime(started)) with
        {
            Stages = stages,
            ProcessCpu = Environment.CpuUsage.TotalTime - cpuBefore,
            Gc = GcActivity.Now().Since(gcBefore),
            CpuByThread = ThreadCpu.Now().Since(threadsBefore),
        };
    }

    // A feed leased by another worker (or by one killed mid-poll, until its lease lapses) is waited for, so that
    // --once really finishes every feed; the wait is bounded by a few lease lifetimes.
    private async Task<PollReport> PollOnceAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var report = await poller.PollAsync(feed, cancellationToken).ConfigureAwait(false);
            if (report.Outcome.Kind != PollOutcomeKind.Leased || waited.Elapsed > FeedPoller.LeaseDuration * 3)
            {
                return report;
            }

            await Task.Delay(LeaseRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}

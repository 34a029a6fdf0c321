using FeedHarvester.Diagnostics;
using FeedHarvester.Worker.Running;

namespace FeedHarvester.Tests.Running;

public sealed class HarvestSummaryTests
{
    [Fact]
    public void Format_WithStages_PrintsMillisecondsPerArticleByStageAndProcessCpu()
    {
        var summary = new HarvestSummary(2, 0, 0, 100, 0, 0, 0, 0, TimeSpan.FromSeconds(1), []) with
        {
            Stages =
            [
                new StageTotal(HarvestStage.PageFetch, 100, TimeSpan.FromMilliseconds(250), null),
                new StageTotal(HarvestStage.Extract, 100, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(200)),
            ],
            ProcessCpu = TimeSpan.FromMilliseconds(400),
        };

        var lines = summary.Format().Split(Environment.NewLine);

        Assert.Contains(lines, l => l.StartsWith("ms per article emitted, by stage", StringComparison.Ordinal));
        Assert.Contains("  page_fetch        100     2.500         -", lines);
        Assert.Contains("  extract           100     3.000     2.000", lines);
        Assert.Contains(lines, l => l.StartsWith("process CPU 4.000 ms per article (all threads; 2.000 outside the cpu column", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_WithCpuByThread_PrintsEachKindAndWhatEndedThreadsTookPerArticle()
    {
        var summary = new HarvestSummary(1, 0, 0, 100, 0, 0, 0, 0, TimeSpan.FromSeconds(1), []) with
        {
            ProcessCpu = TimeSpan.FromMilliseconds(400),
            CpuByThread = [("thread pool", TimeSpan.FromMilliseconds(300)), ("background GC", TimeSpan.FromMilliseconds(50))],
        };

        Assert.Contains(
            "  by thread (ms per article; a gen0/gen1 collection runs on the thread that allocates): thread pool 3.000, background GC 0.500, threads ended during the run 0.500",
            summary.Format().Split(Environment.NewLine));
    }

    [Fact]
    public async Task ThreadCpu_SinceEarlier_CountsThisProcessesThreadPoolWork()
    {
        var before = ThreadCpu.Now();
        // Awaited, not waited on, so the spinning runs on pool threads rather than inline on the test's own.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var end = Environment.TickCount64 + 200;
            while (Environment.TickCount64 < end)
            {
            }
        })));

        var spent = ThreadCpu.Now().Since(before);

        Assert.True(OperatingSystem.IsLinux());
        Assert.Contains(spent, t => t.Kind == "thread pool" && t.Cpu > TimeSpan.Zero);
        Assert.All(spent, t => Assert.True(t.Cpu > TimeSpan.Zero));
    }

    [Theory]
    [InlineData(".NET TP Worker", "thread pool")]
    [InlineData(".NET BGC", "background GC")]
    [InlineData(".NET Tiered Com", "tier-up JIT")]
    [InlineData("Extraction", "extraction")]
    [InlineData(".NET SigHandler", "other runtime threads")]
    [InlineData("feedharvester", "other threads")]
    public void ThreadCpu_KindOf_NamesTheRuntimesThreads(string threadName, string kind) =>
        Assert.Equal(kind, ThreadCpu.KindOf(threadName));

    [Fact]
    public void Format_WithGcActivity_PrintsCollectionsPauseAndAllocationPerArticle()
    {
        var summary = new HarvestSummary(1, 0, 0, 100, 0, 0, 0, 0, TimeSpan.FromSeconds(1), []) with
        {
            Gc = new GcActivity(30, 10, 1, TimeSpan.FromMilliseconds(250), 100 * 512 * 1024) { Mode = "workstation, concurrent" },
        };

        Assert.Contains(
            "GC (workstation, concurrent): 30 gen0, 10 gen1, 1 gen2 collections, paused 250 ms (2.500 ms per article), 512 KiB allocated per article",
            summary.Format().Split(Environment.NewLine));
    }

    [Fact]
    public void GcActivity_Since_OnlyWhatHappenedInBetween()
    {
        var before = new GcActivity(5, 2, 1, TimeSpan.FromMilliseconds(10), 1000);
        var after = new GcActivity(8, 3, 1, TimeSpan.FromMilliseconds(25), 5000);

        Assert.Equal(new GcActivity(3, 1, 0, TimeSpan.FromMilliseconds(15), 4000) { Mode = after.Mode }, after.Since(before));
    }

    [Fact]
    public void Format_NothingEmitted_NoStageTable()
    {
        var summary = new HarvestSummary(1, 0, 0, 0, 0, 3, 0, 0, TimeSpan.FromSeconds(1), []) with
        {
            Stages = [new StageTotal(HarvestStage.FeedFetch, 1, TimeSpan.FromMilliseconds(5), null)],
            ProcessCpu = TimeSpan.FromMilliseconds(50),
        };

        Assert.DoesNotContain("by stage", summary.Format(), StringComparison.Ordinal);
    }
}

using FeedHarvester.Diagnostics;

namespace FeedHarvester.Tests.Diagnostics;

public sealed class StageTotalsTests
{
    [Fact]
    public async Task Add_ConcurrentCalls_SumsEveryCallAndTime()
    {
        var totals = new StageTotals();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                totals.Add(HarvestStage.Extract, TimeSpan.FromTicks(3), TimeSpan.FromTicks(2));
            }
        })));

        var extract = totals.Snapshot().Single(s => s.Stage == HarvestStage.Extract);
        Assert.Equal((8000L, TimeSpan.FromTicks(24_000), (TimeSpan?)TimeSpan.FromTicks(16_000)), (extract.Calls, extract.Wall, extract.Cpu));
    }

    [Fact]
    public void Snapshot_EveryStageInPipelineOrder_CpuNullWhereNeverMeasured()
    {
        var totals = new StageTotals();
        totals.Add(HarvestStage.Claim, TimeSpan.FromMilliseconds(1), null);

        var snapshot = totals.Snapshot();

        Assert.Equal(["feed_fetch", "parse", "seen_check", "page_fetch", "extract", "normalize", "claim", "emit"], snapshot.Select(s => s.Name));
        Assert.All(snapshot, s => Assert.Null(s.Cpu));
        Assert.Equal(1, snapshot.Single(s => s.Stage == HarvestStage.Claim).Calls);
    }

    [Fact]
    public void Since_EarlierSnapshot_OnlyWhatWasAddedInBetween()
    {
        var totals = new StageTotals();
        totals.Add(HarvestStage.Parse, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(4));
        var before = totals.Snapshot();
        totals.Add(HarvestStage.Parse, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(2));

        var run = totals.Snapshot().Zip(before, (now, earlier) => now.Since(earlier)).Single(s => s.Stage == HarvestStage.Parse);

        Assert.Equal((1L, TimeSpan.FromMilliseconds(3), (TimeSpan?)TimeSpan.FromMilliseconds(2)), (run.Calls, run.Wall, run.Cpu));
    }
}

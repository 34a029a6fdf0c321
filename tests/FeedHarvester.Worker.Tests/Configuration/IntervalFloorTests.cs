using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Configuration;

/// <summary>No feed is polled more often than Scheduling:IntervalFloor (default 1 minute) (issue 16, item 10).</summary>
public sealed class IntervalFloorTests
{
    [Fact]
    public async Task RunOnce_FeedIntervalBelowTheFloor_NamedAndSkipped()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/fast.xml interval=1s"]);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync("run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n'), l => l.Contains($"{feeds}:1:", StringComparison.Ordinal));
        Assert.Contains("http://127.0.0.1:9/fast.xml", line, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Scheduling:IntervalFloor", line, StringComparison.Ordinal);
        Assert.Contains("1m", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_DefaultIntervalBelowTheFloor_ConfigurationError()
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string> { ["FeedHarvester__Scheduling__DefaultInterval"] = "1s" };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            environment, "run", "--once", "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("FeedHarvester:Scheduling:DefaultInterval", stderr, StringComparison.Ordinal);
        Assert.Contains("IntervalFloor", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_FloorLowered_ShortIntervalAccepted()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/fast.xml interval=5s"]);
        var environment = new Dictionary<string, string> { ["FeedHarvester__Scheduling__IntervalFloor"] = "5s" };

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(environment, "run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.True(exitCode == 8, stderr);
        Assert.Contains("feeds ok 0, failed 1", stdout, StringComparison.Ordinal);
    }
}

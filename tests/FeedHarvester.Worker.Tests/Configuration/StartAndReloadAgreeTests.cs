using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Configuration;

/// <summary>
/// A start reads a feed list by the rule the running service applies to an edit: a bad entry is skipped with a warning
/// naming file and line, and only a list with no usable feed is refused (issue 16, item 6).
/// </summary>
public sealed class StartAndReloadAgreeTests
{
    [Fact]
    public async Task RunOnce_FeedsFileWithABadLine_SkipsTheLineWithAWarningAndHarvestsTheRest()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["# list", news.FeedUrls[0].AbsoluteUri, "javascript:alert(1)"]);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, "run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"{feeds}:3:", stderr, StringComparison.Ordinal);
        Assert.Contains("feeds ok 1, failed 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_FeedsFileWithNoUsableLine_RefusedWithEveryBadLine()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["javascript:alert(1)", "http://127.0.0.1:9/x.xml interval=soon"]);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync("run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{feeds}:1:", stderr, StringComparison.Ordinal);
        Assert.Contains($"{feeds}:2:", stderr, StringComparison.Ordinal);
        Assert.Contains("no usable feed", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_InvalidJsonInAConfigFile_OneLineNamingFileAndLine()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, "{\n  \"FeedHarvester\": {\n    \"Fetching\": { \"Timeout\": 30s }\n  }\n}\n");

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            "run", "--once", "--config", config, "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(UnknownKeyTests.ErrorLines(stderr));
        Assert.Contains(config, line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}

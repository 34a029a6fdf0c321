using System.Text.Json;
using FeedHarvester.Tests.Configuration;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Running;

namespace FeedHarvester.Tests.Running;

/// <summary><c>run --once</c> is scriptable: its exit code says whether anything was harvested, <c>--json</c> prints the summary as one object (issue 16, items 7 and 8).</summary>
public sealed class OnceExitCodeTests
{
    [Fact]
    public async Task RunOnce_EveryFeedFails_ExitCode8()
    {
        using var runner = new HarvestRunner();

        var (exitCode, stdout, _) = await HarvestRunner.RunWorkerAsync(
            "run", "--once", "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(8, exitCode);
        Assert.Contains("feeds ok 0, failed 1", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 3, false, 8)]
    [InlineData(1, 2, false, 0)]
    [InlineData(0, 0, false, 0)]
    [InlineData(0, 5, true, 0)]
    public void OnceExitCode_NoFeedPolledSuccessfully_EightUnlessTheBuiltInSampleList(int ok, int failed, bool sample, int exitCode)
    {
        var summary = new HarvestSummary(ok, failed, 0, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(1), []);
        var settings = new HarvesterSettings(new HarvesterOptions(), [], "test") { SampleFeeds = sample };

        Assert.Equal(exitCode, RunCommand.OnceExitCode(summary, settings));
    }

    [Fact]
    public async Task RunOnce_Json_PrintsTheSummaryAsOneJsonObject()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(
            runner.Environment, "run", "--once", "--json", "--feeds", news.WriteFeedList(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.True(exitCode == 0, stderr);
        var summary = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(3, summary.GetProperty("feeds").GetProperty("ok").GetInt32());
        Assert.Equal(0, summary.GetProperty("feeds").GetProperty("failed").GetInt32());
        Assert.Equal(news.ArticleUrls.Count, summary.GetProperty("articles").GetProperty("emitted").GetInt32());
        Assert.Equal(0, summary.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task RunOnce_RedisUnreachable_ExitCode7WithOneLineNamingTheAddress()
    {
        using var runner = new HarvestRunner();

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(
            "run", "--once", "--redis", "127.0.0.1:1", "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory));

        Assert.Equal(7, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("feedharvester: ", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tail_RedisUnreachable_ExitCode7WithOneLineNamingTheAddress()
    {
        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync("tail", "--redis", "127.0.0.1:1");

        Assert.Equal(7, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("feedharvester tail: ", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}

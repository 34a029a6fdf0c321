using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Cli;

/// <summary>parse and extract read the configuration run reads and fetch with its settings (issue 16, item 9).</summary>
public sealed class ToolConfigurationTests
{
    [Fact]
    public async Task Parse_HostListedInAllowedPrivateHosts_FetchedWithTheConfiguredUserAgent()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var environment = new Dictionary<string, string>(runner.Environment) { ["FeedHarvester__Fetching__UserAgent"] = "OperatorBot/2.0" };

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(environment, "parse", news.FeedUrls[0].AbsoluteUri);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Rss Daily", stdout, StringComparison.Ordinal);
        Assert.Equal("OperatorBot/2.0", site.UserAgents["/rss/feed.xml"]);
    }

    [Fact]
    public async Task Extract_ConfigFileAllowsTheHost_PageExtracted()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, "{\"FeedHarvester\": {\"Fetching\": {\"AllowedPrivateHosts\": [\"" + runner.AllowedHost + "\"]}}}");

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync("extract", news.ArticleUrls[0], "--config", config);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(news.FirstSentenceByUrl[news.ArticleUrls[0]], stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_InvalidConfiguration_ExitCode2LikeRun()
    {
        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            new Dictionary<string, string> { ["FeedHarvester__Fetching__Timeout"] = "30" }, "parse", "http://127.0.0.1:9/feed.xml");

        Assert.Equal(2, exitCode);
        Assert.Contains("FeedHarvester:Fetching:Timeout", stderr, StringComparison.Ordinal);
    }
}

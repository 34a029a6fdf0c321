using FeedHarvester.Feeds;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;

namespace FeedHarvester.Tests.Cli;

/// <summary>
/// Feed lists keep every option through the commands, a feed is added, removed, enabled, disabled and reset by URL,
/// and a file without feeds says so (issue 16, item 11).
/// </summary>
public sealed class FeedsEditTests
{
    [Fact]
    public async Task Import_DisabledFeedWithTitleIntoPlainList_KeptDisabledAndNotAddedAgain()
    {
        using var runner = new HarvestRunner();
        var opml = Path.Combine(runner.DataDirectory, "reader.opml");
        File.WriteAllText(opml, OpmlWriter.Write([new FeedDefinition(new Uri("https://a.example/feed"), null, "A \"quoted\" title", "World", Enabled: false)]));
        var target = Path.Combine(runner.DataDirectory, "feeds.txt");

        Assert.Equal(0, await RunAsync(new StringWriter(), new StringWriter(), "import", opml, "--to", target));
        var output = new StringWriter();
        Assert.Equal(0, await RunAsync(output, new StringWriter(), "import", opml, "--to", target));

        var feed = Assert.Single(FeedListReader.Read(target).Feeds);
        Assert.False(feed.Enabled);
        Assert.Equal("A \"quoted\" title", feed.Title);
        Assert.Equal("World", feed.Category);
        Assert.Contains("0 feeds added, 1 already there", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDisableEnableRemove_EditTheFeedsFileByUrl()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllText(file, "# mine\nhttps://a.example/feed\n");

        Assert.Equal(0, await RunAsync(new StringWriter(), new StringWriter(), "add", "https://b.example/feed", "--feeds", file, "--interval", "30m", "--title", "Bee news", "--category", "tech"));
        var added = FeedListReader.Read(file).Feeds.Single(f => f.Url.Host == "b.example");
        Assert.Equal((TimeSpan.FromMinutes(30), "Bee news", "tech", true), (added.Interval!.Value, added.Title, added.Category, added.Enabled));

        Assert.Equal(0, await RunAsync(new StringWriter(), new StringWriter(), "disable", "https://a.example/feed", "--feeds", file));
        Assert.False(FeedListReader.Read(file).Feeds.Single(f => f.Url.Host == "a.example").Enabled);
        Assert.Equal(0, await RunAsync(new StringWriter(), new StringWriter(), "enable", "https://a.example/feed", "--feeds", file));
        Assert.True(FeedListReader.Read(file).Feeds.Single(f => f.Url.Host == "a.example").Enabled);

        Assert.Equal(0, await RunAsync(new StringWriter(), new StringWriter(), "remove", "https://a.example/feed", "--feeds", file));
        Assert.Equal(["https://b.example/feed"], FeedListReader.Read(file).Feeds.Select(f => f.Url.AbsoluteUri));
        Assert.StartsWith("# mine\n", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_FeedAlreadyListed_RefusedNamingTheLine()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllText(file, "https://a.example/feed\n");
        var error = new StringWriter();

        Assert.Equal(1, await RunAsync(new StringWriter(), error, "add", "https://a.example/feed", "--feeds", file));

        Assert.Contains($"{file}:1", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.opml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body><outline text=\"folder\"/></body></opml>")]
    [InlineData("page.html", "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hello</p></body></html>")]
    public async Task Import_FileWithNoFeeds_SaysNoFeedsFoundAndFails(string name, string content)
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, name);
        File.WriteAllText(file, content);
        var error = new StringWriter();

        Assert.NotEqual(0, await RunAsync(new StringWriter(), error, "import", file));

        Assert.Contains("no feeds found", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("XmlReaderSettings", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HtmlPageAdvertisingFeeds_ImportsTheAdvertisedFeeds()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "page.html");
        File.WriteAllText(file, """
            <!DOCTYPE html><html><head><title>News</title>
            <link rel="alternate" type="application/rss+xml" title="Top stories" href="https://news.example/rss.xml">
            <link rel="alternate" type="application/atom+xml" href="https://news.example/atom.xml">
            <link rel="stylesheet" href="https://news.example/site.css"></head><body></body></html>
            """);
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync(output, new StringWriter(), "import", file));

        var feeds = FeedListReader.ReadPlain(output.ToString(), "stdout").Feeds;
        Assert.Equal(["https://news.example/rss.xml", "https://news.example/atom.xml"], feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal("Top stories", feeds[0].Title);
    }

    [Fact]
    public async Task Import_OpmlWithDoctype_RefusedInAnOperatorsWords()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "evil.opml");
        File.WriteAllText(file, "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x \"y\">]><opml><body><outline xmlUrl=\"https://a.example/feed\"/></body></opml>");
        var error = new StringWriter();

        Assert.NotEqual(0, await RunAsync(new StringWriter(), error, "import", file));

        Assert.Contains($"{file}:1", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("DOCTYPE", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("XmlReaderSettings", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("DtdProcessing", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_GoneFeed_PolledAgainByTheNextRun()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var feed = news.FeedUrls[0];
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, [feed.AbsoluteUri]);
        string[] runOnce = ["run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory];
        site.ServeStatus(feed.AbsolutePath, 410);
        _ = await HarvestRunner.RunWorkerAsync(runner.Environment, runOnce);
        _ = news.Site.Requests.TryRemove(feed.AbsolutePath, out _);
        news.Site.ClearStatus(feed.AbsolutePath);
        Assert.Contains("disabled 1", (await HarvestRunner.RunWorkerAsync(runner.Environment, runOnce)).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, site.RequestCount(feed.AbsolutePath));

        var reset = await HarvestRunner.RunWorkerAsync("feeds", "reset", feed.AbsoluteUri, "--data-dir", runner.DataDirectory);

        Assert.True(reset.ExitCode == 0, reset.Stderr);
        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(runner.Environment, runOnce);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("feeds ok 1, failed 0, disabled 0", stdout, StringComparison.Ordinal);
    }

    private static Task<int> RunAsync(TextWriter output, TextWriter error, params string[] arguments) =>
        FeedsCommand.Create(output, error).Parse(arguments).InvokeAsync();
}

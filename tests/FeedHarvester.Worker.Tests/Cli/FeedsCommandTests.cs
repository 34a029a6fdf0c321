using FeedHarvester.Feeds;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;

namespace FeedHarvester.Tests.Cli;

public sealed class FeedsCommandTests
{
    private static readonly FeedDefinition[] Feeds =
    [
        new(new Uri("https://news.example/rss.xml")),
        new(new Uri("https://news.example/atom.xml"), TimeSpan.FromMinutes(30), "Atom & \"quotes\"", "World/Europe", Enabled: false, UserAgent: "Bot/1.0 (+x)"),
        new(new Uri("https://other.example/feed"), TimeSpan.FromSeconds(90), "Other", "World/Europe"),
        new(new Uri("https://third.example/feed"), TimeSpan.FromTicks(TimeSpan.TicksPerSecond * 3 / 2), null, "Tech"),
    ];

    [Fact]
    public void OpmlWriter_ThenReadOpml_GivesTheSameFeeds()
    {
        var opml = OpmlWriter.Write(Feeds);

        var read = FeedListReader.ReadOpml(opml, "export.opml");

        Assert.Empty(read.Errors);
        Assert.Equal(Feeds.OrderBy(f => f.Url.AbsoluteUri), read.Feeds.OrderBy(f => f.Url.AbsoluteUri));
        Assert.Contains("<opml version=\"2.0\">", opml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThenImportIntoOpml_RoundTripsThroughTheCommands()
    {
        using var runner = new HarvestRunner();
        var source = Path.Combine(runner.DataDirectory, "source.opml");
        File.WriteAllText(source, OpmlWriter.Write(Feeds));
        var exported = Path.Combine(runner.DataDirectory, "exported.opml");
        var target = Path.Combine(runner.DataDirectory, "merged.opml");

        Assert.Equal(0, await FeedsCommand.Create(new StringWriter(), new StringWriter()).Parse(["export", "--feeds", source, "--out", exported]).InvokeAsync());
        Assert.Equal(0, await FeedsCommand.Create(new StringWriter(), new StringWriter()).Parse(["import", exported, "--to", target]).InvokeAsync());

        Assert.Equal(Feeds.OrderBy(f => f.Url.AbsoluteUri), FeedListReader.Read(target).Feeds.OrderBy(f => f.Url.AbsoluteUri));
    }

    [Fact]
    public async Task Import_IntoPlainList_SkipsDuplicatesAndReportsBadEntriesWithLine()
    {
        using var runner = new HarvestRunner();
        var opml = Path.Combine(runner.DataDirectory, "reader.opml");
        File.WriteAllText(opml, """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>x</title></head><body>
              <outline text="Old" xmlUrl="https://old.example/feed"/>
              <outline text="New" xmlUrl="https://new.example/feed" interval="2h"/>
              <outline text="Bad" xmlUrl="ftp://bad.example/feed"/>
            </body></opml>
            """);
        var target = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllText(target, "# mine\nhttps://old.example/feed");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await FeedsCommand.Create(output, error).Parse(["import", opml, "--to", target]).InvokeAsync();

        Assert.Equal(1, exit);
        Assert.Contains($"{opml}:5: 'ftp://bad.example/feed' is not an http or https URL", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 feeds added, 1 already there, 1 bad entries skipped", output.ToString(), StringComparison.Ordinal);
        var merged = FeedListReader.Read(target);
        Assert.Empty(merged.Errors);
        Assert.Equal(["https://old.example/feed", "https://new.example/feed"], merged.Feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal(TimeSpan.FromHours(2), merged.Feeds[1].Interval);
        Assert.StartsWith("# mine\n", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PrintsEveryFeedTheWorkerWouldPollWithItsOptions()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "feeds.opml");
        File.WriteAllText(file, OpmlWriter.Write(Feeds));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await FeedsCommand.Create(output, error).Parse(["list", "--feeds", file]).InvokeAsync();

        // The feed polled every 1.5 s is below the default interval floor (1 minute): named and not listed.
        Assert.Equal(1, exit);
        Assert.Contains("https://third.example/feed: interval 1500ms is below FeedHarvester:Scheduling:IntervalFloor (1m)", error.ToString(), StringComparison.Ordinal);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("URL", lines[0], StringComparison.Ordinal);
        var atom = Assert.Single(lines, l => l.StartsWith("https://news.example/atom.xml", StringComparison.Ordinal));
        Assert.Contains("30m", atom, StringComparison.Ordinal);
        Assert.Contains(" no ", atom, StringComparison.Ordinal);
        Assert.Contains("World/Europe", atom, StringComparison.Ordinal);
        Assert.Contains("Bot/1.0 (+x)", atom, StringComparison.Ordinal);
        Assert.Equal("3 feeds, 2 enabled", lines[^1].TrimEnd());
    }

    [Fact]
    public async Task Import_WithoutTarget_PrintsPlainListTheReaderReadsBackWithEveryOption()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "feeds.opml");
        File.WriteAllText(file, OpmlWriter.Write(Feeds));
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, await FeedsCommand.Create(output, error).Parse(["import", file]).InvokeAsync());

        var plain = FeedListReader.ReadPlain(output.ToString(), "stdout");
        Assert.Empty(plain.Errors);
        Assert.Equal(Feeds.OrderBy(f => f.Url.AbsoluteUri), plain.Feeds.OrderBy(f => f.Url.AbsoluteUri));
        Assert.Empty(error.ToString());
    }
}

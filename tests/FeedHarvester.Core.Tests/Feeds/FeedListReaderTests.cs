using FeedHarvester.Feeds;

namespace FeedHarvester.Tests.Feeds;

public sealed class FeedListReaderTests
{
    [Fact]
    public void ReadPlain_CommentsBlankLinesAndIntervals_ReadsEveryFeed()
    {
        var result = FeedListReader.ReadPlain("# news\n\nhttp://127.0.0.1/a.xml\nhttps://127.0.0.1/b.xml interval=30m  # hourly-ish\n", "feeds.txt");

        Assert.Empty(result.Errors);
        Assert.Equal(["http://127.0.0.1/a.xml", "https://127.0.0.1/b.xml"], result.Feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal(TimeSpan.FromMinutes(30), result.Feeds[1].Interval);
    }

    [Fact]
    public void ReadPlain_BadEntries_ReportedWithFileAndLineAndSkipped()
    {
        var result = FeedListReader.ReadPlain("http://127.0.0.1/a.xml\nftp://127.0.0.1/b\nnot-a-url\nhttp://127.0.0.1/c.xml colour=red\n", "list.txt");

        Assert.Single(result.Feeds);
        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("list.txt:2:", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("list.txt:3:", result.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("list.txt:4:", result.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOpml_NestedOutlines_FolderBecomesCategory()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><body>
              <outline text="World">
                <outline type="rss" text="A" xmlUrl="http://127.0.0.1/a.xml"/>
                <outline type="rss" text="B" xmlUrl="http://127.0.0.1/b.xml" interval="2h" enabled="false"/>
              </outline>
            </body></opml>
            """;

        var result = FeedListReader.ReadOpml(opml, "feeds.opml");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Feeds.Count);
        Assert.Equal("World", result.Feeds[0].Category);
        Assert.Equal(TimeSpan.FromHours(2), result.Feeds[1].Interval);
        Assert.False(result.Feeds[1].Enabled);
    }

    [Fact]
    public void ReadOpml_WithDoctype_RefusedAsNotWellFormed()
    {
        const string opml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x \"y\">]><opml><body/></opml>";

        var result = FeedListReader.ReadOpml(opml, "evil.opml");

        Assert.Empty(result.Feeds);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("evil.opml:1:", error, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE", error, StringComparison.Ordinal);
        Assert.DoesNotContain("XmlReaderSettings", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interval=soon", "'soon' is not a duration")]
    [InlineData("interval=-5m", "'-5m' is not a duration")]
    [InlineData("interval=0m", "must be positive")]
    [InlineData("interval=30", "has no unit")]
    [InlineData("enabled=nope", "'nope' is not true or false")]
    [InlineData("title=\"unclosed", "not closed")]
    public void ReadPlain_BadOption_LineSkippedNamingFileLineAndUrl(string option, string problem)
    {
        var result = FeedListReader.ReadPlain($"http://127.0.0.1/ok.xml\nhttp://127.0.0.1/x.xml {option}\n", "list.txt");

        Assert.Equal(["http://127.0.0.1/ok.xml"], result.Feeds.Select(f => f.Url.AbsoluteUri));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("list.txt:2: ", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPlain_IntervalBelowTheFloor_SkippedNamingTheFloorOption()
    {
        var result = FeedListReader.ReadPlain("http://127.0.0.1/fast.xml interval=30s\nhttp://127.0.0.1/ok.xml interval=1m\n", "list.txt", TimeSpan.FromMinutes(1));

        Assert.Equal(["http://127.0.0.1/ok.xml"], result.Feeds.Select(f => f.Url.AbsoluteUri));
        Assert.Equal("list.txt:1: http://127.0.0.1/fast.xml: interval 30s is below FeedHarvester:Scheduling:IntervalFloor (1m), the shortest interval a feed is polled at", Assert.Single(result.Errors));
    }

    [Fact]
    public void ReadPlain_SameFeedTwice_SecondReportedNotDroppedUnseen()
    {
        var result = FeedListReader.ReadPlain("http://127.0.0.1/a.xml\nhttp://127.0.0.1/a.xml interval=1h\n", "list.txt");

        Assert.Single(result.Feeds);
        Assert.Equal("list.txt:2: http://127.0.0.1/a.xml is already listed on line 1; this entry is skipped", Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("", "no feeds found")]
    [InlineData("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>", "no feeds found")]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>", "no feeds found")]
    public void Read_FileWithoutFeeds_SaysNoFeedsFound(string content, string message)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);

            var result = FeedListReader.Read(path);

            Assert.Empty(result.Feeds);
            Assert.Contains(message, Assert.Single(result.Errors), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class FeedListReaderOpmlAttributesTests
{
    [Fact]
    public void ReadOpml_UserAgentAttribute_BecomesTheFeedsUserAgent()
    {
        const string opml = """<opml version="2.0"><body><outline xmlUrl="http://127.0.0.1/a.xml" userAgent="Custom/1.0 (+ops@example.org)"/></body></opml>""";

        var feed = Assert.Single(FeedListReader.ReadOpml(opml, "feeds.opml").Feeds);

        Assert.Equal("Custom/1.0 (+ops@example.org)", feed.UserAgent);
    }
}

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
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("00:15:00", 900)]
    public void DurationText_OperatorSpellings_Parse(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5m")]
    [InlineData("0m")]
    public void DurationText_Nonsense_Refused(string text) => Assert.False(DurationText.TryParse(text, out _));
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

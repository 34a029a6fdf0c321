using CodeHollow.FeedReader;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class CodeHollowFeedAdapterTests
{
    [Fact]
    public void Map_CodeHollowFeed_GivesStartingValuesWithoutDates()
    {
        var feed = FeedReader.ReadFromString("""
            <rss version="2.0"><channel><title> Channel  title </title><link>http://example.org/</link>
            <description>About it</description><language>de</language>
            <item><title>One &amp;amp; two</title><guid>urn:1</guid><author>a@example.org (Ann)</author>
            <category>World</category><pubDate>05/03/2024 10:00:00</pubDate></item></channel></rss>
            """);

        var content = CodeHollowFeedAdapter.Map(feed);

        Assert.Equal("Channel title", content.Feed.Title);
        Assert.Equal("About it", content.Feed.Subtitle);
        Assert.Equal("de", content.Feed.Language);
        var entry = Assert.Single(content.Entries);
        Assert.Equal("One & two", entry.Title);
        Assert.Equal("urn:1", entry.Id);
        Assert.Equal("Ann", entry.Author);
        Assert.Equal(["World"], entry.Categories);
        Assert.Null(entry.Published);
    }

    [Theory]
    [InlineData(FeedType.Rss_2_0, "rss")]
    [InlineData(FeedType.Rss_0_91, "rss")]
    [InlineData(FeedType.Rss_0_92, "rss")]
    [InlineData(FeedType.Rss_1_0, "rdf")]
    [InlineData(FeedType.Atom, "atom")]
    [InlineData(FeedType.Unknown, null)]
    public void FormatOf_CodeHollowType_NamesOurFormat(FeedType type, string? expected)
    {
        Assert.Equal(expected, CodeHollowFeedAdapter.FormatOf(type));
    }

    [Fact]
    public void TryRead_TextCodeHollowRejects_ReturnsNull()
    {
        Assert.Null(CodeHollowFeedAdapter.TryRead("<html><body>not a feed</body></html>"));
    }
}

using FeedHarvester.Feeds;

namespace FeedHarvester.Tests.Feeds;

public sealed class PlainFeedListTests
{
    [Fact]
    public void FormatThenParse_EveryOption_ComesBack()
    {
        var feed = new FeedDefinition(new Uri("https://news.example/rss.xml"), TimeSpan.FromMinutes(30), "Top \"stories\" # 1", "World/Europe", Enabled: false, UserAgent: "Bot/1.0 (+x)");

        var line = PlainFeedList.Format(feed);

        Assert.Equal("https://news.example/rss.xml interval=30m enabled=false title=\"Top \\\"stories\\\" # 1\" category=World/Europe userAgent=\"Bot/1.0 (+x)\"", line);
        Assert.Equal(feed, PlainFeedList.Parse(line).Feed);
    }

    [Fact]
    public void Parse_HashInsideUrlOrQuotes_IsNotAComment()
    {
        var parsed = PlainFeedList.Parse("https://a.example/feed#top title=\"a # b\"  # my note");

        Assert.Equal("https://a.example/feed#top", parsed.Feed!.Url.AbsoluteUri);
        Assert.Equal("a # b", parsed.Feed.Title);
        Assert.Equal("# my note", PlainFeedList.Comment("https://a.example/feed#top title=\"a # b\"  # my note"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# only a comment")]
    public void Parse_BlankOrComment_NeitherFeedNorProblem(string line)
    {
        var parsed = PlainFeedList.Parse(line);

        Assert.Null(parsed.Feed);
        Assert.Null(parsed.Problem);
    }
}

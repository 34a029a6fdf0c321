using System.Text;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class FeedTimeToLiveTests
{
    private static FeedParseResult Parse(string ttl) => new FeedParser().Parse(new FeedDocument(
        Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>T</title><link>http://127.0.0.1/</link><description>d</description>{ttl}</channel></rss>"),
        "application/rss+xml",
        new Uri("http://127.0.0.1/feed.xml")));

    [Fact]
    public void Parse_RssTtlInMinutes_ReadAsTimeToLive() =>
        Assert.Equal(TimeSpan.FromMinutes(60), Parse("<ttl>60</ttl>").Feed.TimeToLive);

    [Theory]
    [InlineData("")]
    [InlineData("<ttl>soon</ttl>")]
    [InlineData("<ttl>-5</ttl>")]
    [InlineData("<ttl>0</ttl>")]
    public void Parse_MissingOrNonsenseTtl_NoTimeToLive(string ttl) =>
        Assert.Null(Parse(ttl).Feed.TimeToLive);
}

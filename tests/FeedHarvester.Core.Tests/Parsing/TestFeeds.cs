using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

/// <summary>Loads fixtures from TestData/feeds (copied to the output folder) and parses them.</summary>
internal static class TestFeeds
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "feeds", name));

    public static FeedParseResult Parse(string name, string? contentType = "application/rss+xml", string? url = "http://example.com/feeds/main.xml") =>
        new FeedParser().Parse(new FeedDocument(Bytes(name), contentType, url is null ? null : new Uri(url)));

    public static FeedParseResult ParseText(string xml, string? contentType = null, string? url = null) =>
        new FeedParser().Parse(new FeedDocument(System.Text.Encoding.UTF8.GetBytes(xml), contentType, url is null ? null : new Uri(url)));
}

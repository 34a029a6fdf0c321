using System.Text.Json;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class FeedParseResultJsonTests
{
    [Fact]
    public void Serialize_ParsedFeed_HasTheDocumentedShape()
    {
        var result = TestFeeds.Parse("rss2-relative-links.xml");

        using var json = JsonDocument.Parse(FeedParseResultJson.Serialize(result, indented: false));
        var root = json.RootElement;

        Assert.True(root.GetProperty("wellformed").GetBoolean());
        Assert.Equal("rss", root.GetProperty("format").GetString());
        Assert.Equal("Relative links", root.GetProperty("feed").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("feed").GetProperty("updated").ValueKind);
        var entry = root.GetProperty("entries")[0];
        Assert.Equal("item-1", entry.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, entry.GetProperty("categories").ValueKind);
        var enclosure = entry.GetProperty("enclosures")[0];
        Assert.Equal("http://example.com/media/1.mp3", enclosure.GetProperty("url").GetString());
        Assert.Equal("audio/mpeg", enclosure.GetProperty("type").GetString());
        Assert.Equal(1234, enclosure.GetProperty("length").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void Serialize_Dates_AreUtcWithZSuffix()
    {
        var result = TestFeeds.Parse("rss2-future-date.xml");

        var text = FeedParseResultJson.Serialize(result, indented: true);

        Assert.Contains("\"published\": \"2999-01-01T04:15:00Z\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_EmptyStringsAndMissingValues_AreNull()
    {
        var result = new FeedParseResult("rss", true, new ParsedFeed { Title = "" }, [new ParsedEntry { Id = null, Title = "" }], []);

        using var json = JsonDocument.Parse(FeedParseResultJson.Serialize(result, indented: false));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("feed").GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entries")[0].GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entries")[0].GetProperty("id").ValueKind);
    }

    [Fact]
    public void Serialize_FailedResult_HasNullFormatAndErrors()
    {
        var result = TestFeeds.Parse("billion-laughs.xml");

        using var json = JsonDocument.Parse(FeedParseResultJson.Serialize(result, indented: false));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("format").ValueKind);
        Assert.False(json.RootElement.GetProperty("wellformed").GetBoolean());
        Assert.StartsWith("parse: DTD refused", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }
}

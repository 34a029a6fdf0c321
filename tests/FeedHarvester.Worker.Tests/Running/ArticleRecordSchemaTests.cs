using System.Text.Json;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Running;

/// <summary>The schema check itself: it must refuse a record that breaks the schema, or passing it would prove nothing.</summary>
public sealed class ArticleRecordSchemaTests
{
    private const string Valid = """
        {"schema_version":1,"schema_minor":3,"id":"4f0c2b1e9a7d3c5b8e6f1a2d3c4b5a69","story_id":"4f0c2b1e9a7d3c5b8e6f1a2d3c4b5a69","duplicate_of":null,
        "url":null,"canonical_url":null,"feed_url":"https://news.example/rss.xml","feed_title":null,"feed_category":null,"guid":"urn:1","title":"T","author":null,
        "published":"2025-06-02T09:30:00.000Z","updated":null,"language":null,"lead_image":null,"summary":null,"content_html":"<p>x</p>","content_text":"x",
        "categories":[],"fetched_at":"2025-06-02T12:00:00.123Z","source":null,"extraction":{"method":"feed","path":"feed","word_count":1,"fallback_reason":"no_link","published_from":"none"}}
        """;

    [Fact]
    public void AssertValid_RecordAsDocumented_Passes()
    {
        ArticleRecordSchema.AssertValid(JsonDocument.Parse(Valid).RootElement);
    }

    [Fact]
    public void AssertValid_RecordStatingNoDate_PassesWithPublishedNull()
    {
        var undated = Valid.Replace("\"published\":\"2025-06-02T09:30:00.000Z\"", "\"published\":null", StringComparison.Ordinal);

        ArticleRecordSchema.AssertValid(JsonDocument.Parse(undated).RootElement);
    }

    [Theory]
    [InlineData("\"published\":\"2025-06-02T09:30:00.000Z\",", "")]
    [InlineData("\"fetched_at\":\"2025-06-02T12:00:00.123Z\"", "\"fetched_at\":\"2025-06-02T12:00:00.1234567Z\"")]
    [InlineData("\"feed_title\":null,", "")]
    [InlineData("\"id\":\"4f0c2b1e9a7d3c5b8e6f1a2d3c4b5a69\"", "\"id\":\"not-hex\"")]
    [InlineData(",\"published_from\":\"none\"", "")]
    [InlineData("\"published_from\":\"none\"", "\"published_from\":\"guessed\"")]
    public void AssertValid_RecordBreakingTheSchema_Fails(string part, string replacement)
    {
        var broken = JsonDocument.Parse(Valid.Replace(part, replacement, StringComparison.Ordinal)).RootElement;

        _ = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ArticleRecordSchema.AssertValid(broken));
    }
}

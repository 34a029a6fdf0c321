using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class IllFormedXmlTests
{
    [Fact]
    public void Parse_HtmlNamedEntities_RecoveredAndDecoded()
    {
        var result = TestFeeds.Parse("rss2-html-entities.xml");

        Assert.False(result.WellFormed);
        Assert.Equal("rss", result.Format);
        Assert.Equal("Café – news\u00a0feed", result.Feed.Title);
        Assert.Equal("It\u2019s here", result.Entries[0].Title);
    }

    [Fact]
    public void Parse_IllFormedDocument_RecordsErrorWithLineAndColumn()
    {
        var result = TestFeeds.Parse("rss2-html-entities.xml");

        Assert.Contains(result.Errors, e => e.StartsWith("parse: not well-formed XML at line 4, column", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BareAmpersands_RecoveredLiterally()
    {
        var result = TestFeeds.Parse("rss2-bare-ampersand.xml");

        Assert.False(result.WellFormed);
        Assert.Equal("Salt & Pepper", result.Feed.Title);
        Assert.Equal("Q&A", result.Entries[0].Title);
        Assert.Equal("http://example.com/get?a=1&b=2", result.Entries[0].Link);
    }

    [Fact]
    public void Parse_TruncatedDocument_SalvagesCompleteItems()
    {
        var result = TestFeeds.Parse("truncated.xml");

        Assert.False(result.WellFormed);
        Assert.Equal("Cut short", result.Feed.Title);
        Assert.Equal("Complete item", result.Entries[0].Title);
        Assert.Equal("http://example.com/complete", result.Entries[0].Link);
    }

    [Fact]
    public void Parse_MismatchedTags_StillYieldsEntries()
    {
        const string xml = "<rss><channel><title>Soup</title><item><title><b>Bold</title><link>http://example.com/1</link></item></channel></rss>";

        var result = TestFeeds.ParseText(xml);

        Assert.False(result.WellFormed);
        Assert.Equal("http://example.com/1", result.Entries[0].Link);
    }

    [Fact]
    public void Parse_UndeclaredNamespacePrefix_IsNotWellFormedButRead()
    {
        const string xml = "<rss><channel><title>t</title><item><dc:creator>Ann</dc:creator></item></channel></rss>";

        var result = TestFeeds.ParseText(xml);

        Assert.False(result.WellFormed);
        Assert.Equal("Ann", result.Entries[0].Author);
    }

    [Fact]
    public void Parse_EmptyDocument_FailsWithoutThrowing()
    {
        var result = TestFeeds.ParseText("");

        Assert.True(result.IsFailure);
        Assert.False(result.WellFormed);
    }

    [Fact]
    public void Parse_WellFormedDocument_HasNoErrors()
    {
        var result = TestFeeds.Parse("rss2-missing-guid.xml");

        Assert.True(result.WellFormed);
        Assert.Empty(result.Errors);
    }
}

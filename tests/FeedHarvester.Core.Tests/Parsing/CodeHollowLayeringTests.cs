using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

/// <summary>RSS/Atom go through CodeHollow.FeedReader with the raw XML layered over it; these fail if that path is bypassed.</summary>
public sealed class CodeHollowLayeringTests
{
    [Fact]
    public void Parse_WellFormedRss20_ReadsThroughCodeHollow()
    {
        var result = TestFeeds.Parse("rss2-codehollow-layering.xml");

        Assert.Equal(FeedReadPath.CodeHollow, result.ParsedVia);
        Assert.Equal("rss", result.Format);
        Assert.True(result.WellFormed);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_WellFormedAtomAndRdf_ReadThroughCodeHollow()
    {
        Assert.Equal(FeedReadPath.CodeHollow, TestFeeds.Parse("atom-xml-base.xml", "application/atom+xml").ParsedVia);
        Assert.Equal(FeedReadPath.CodeHollow, TestFeeds.Parse("rdf-rss1.xml").ParsedVia);
    }

    [Fact]
    public void Parse_CodeHollowPath_KeepsRawXmlOverridesForLinksDatesSummaryAndEnclosures()
    {
        var result = TestFeeds.Parse("rss2-codehollow-layering.xml");
        var first = result.Entries[0];

        Assert.Equal("Layered & read", result.Feed.Title);
        Assert.Equal("http://cdn.example.org/site/news/", result.Feed.Link);
        Assert.Equal("http://cdn.example.org/site/articles/1.html", first.Link);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 8, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero), first.Updated);
        Assert.Equal("<p>Summary <b>one</b></p>", first.Summary);
        Assert.Equal(["http://cdn.example.org/site/media/1.mp3", "http://cdn.example.org/site/media/1.ogg"], first.Enclosures.Select(e => e.Url));
    }

    [Fact]
    public void Parse_CodeHollowPath_TakesIdsAuthorsAndCategoriesWithRawFillIns()
    {
        var result = TestFeeds.Parse("rss2-codehollow-layering.xml");

        Assert.Equal("urn:example:1", result.Entries[0].Id);
        Assert.Equal("Jane Doe", result.Entries[0].Author);
        Assert.Equal(["World", "Politics"], result.Entries[0].Categories);
        Assert.Equal("Second item, title only in Dublin Core", result.Entries[1].Title);
        Assert.Equal("http://example.org/2", result.Entries[1].Id);
    }

    [Fact]
    public void Parse_AtomCategoryWithLabel_KeepsTheTerm()
    {
        var result = TestFeeds.ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:e:1</id>
            <category term="tech" label="Technology"/></entry></feed>
            """);

        Assert.Equal(FeedReadPath.CodeHollow, result.ParsedVia);
        Assert.Equal(["tech"], result.Entries[0].Categories);
    }

    [Fact]
    public void Parse_AtomTextTitleWithBrackets_KeepsTheLiteralText()
    {
        var result = TestFeeds.ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">History of the &lt;blink&gt; tag</title></entry></feed>
            """);

        Assert.Equal(FeedReadPath.CodeHollow, result.ParsedVia);
        Assert.Equal("History of the <blink> tag", result.Entries[0].Title);
    }

    [Fact]
    public void Parse_HtmlEntitiesRepaired_CodeHollowReadsTheRepairedText()
    {
        var result = TestFeeds.Parse("rss2-html-entities.xml");

        Assert.Equal(FeedReadPath.CodeHollow, result.ParsedVia);
        Assert.False(result.WellFormed);
    }

    [Fact]
    public void Parse_TagSoupRecovered_FallsBackToRawXmlWithoutRecordingAnError()
    {
        var result = TestFeeds.Parse("truncated.xml");

        Assert.Equal(FeedReadPath.RawXml, result.ParsedVia);
        Assert.NotEmpty(result.Entries);
        Assert.DoesNotContain(result.Errors, e => e.Contains("CodeHollow", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parse_RefusedDtd_NeverReachesAnyReader()
    {
        var result = TestFeeds.Parse("billion-laughs.xml");

        Assert.Equal(FeedReadPath.None, result.ParsedVia);
        Assert.True(result.IsFailure);
    }

    [Fact]
    public void Parse_JsonFeed_IsReadByOurJsonReader()
    {
        Assert.Equal(FeedReadPath.Json, TestFeeds.Parse("jsonfeed-1.1.json", "application/feed+json").ParsedVia);
    }
}

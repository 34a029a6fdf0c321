using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

public sealed class FeedParserTests
{
    [Fact]
    public void Parse_RssWithRelativeLinks_ResolvesAgainstDocumentUrl()
    {
        var result = TestFeeds.Parse("rss2-relative-links.xml");

        Assert.Equal("rss", result.Format);
        Assert.True(result.WellFormed);
        Assert.Equal("http://example.com/news/", result.Feed.Link);
        Assert.Equal("http://example.com/feeds/articles/1.html", result.Entries[0].Link);
        Assert.Equal("http://example.com/media/1.mp3", result.Entries[0].Enclosures[0].Url);
        Assert.Equal(1234, result.Entries[0].Enclosures[0].Length);
    }

    [Fact]
    public void Parse_RssItemWithXmlBase_ResolvesAgainstXmlBase()
    {
        var result = TestFeeds.Parse("rss2-relative-links.xml");

        Assert.Equal("http://cdn.example.org/base/2.html", result.Entries[1].Link);
    }

    [Fact]
    public void Parse_ContentLocationHeader_IsTheBaseForRelativeLinks()
    {
        var document = new FeedDocument(TestFeeds.Bytes("rss2-relative-links.xml"), "text/xml", new Uri("http://127.0.0.1/x.xml"))
        {
            ContentLocation = "http://mirror.example.net/feeds/",
        };

        var result = new FeedParser().Parse(document);

        Assert.Equal("http://mirror.example.net/news/", result.Feed.Link);
    }

    [Fact]
    public void Parse_UnsafeContentLocation_IsIgnored()
    {
        var document = new FeedDocument(TestFeeds.Bytes("rss2-relative-links.xml"), "text/xml", new Uri("http://127.0.0.1/x.xml"))
        {
            ContentLocation = "javascript:alert(1)",
        };

        var result = new FeedParser().Parse(document);

        Assert.Equal("http://127.0.0.1/news/", result.Feed.Link);
    }

    [Fact]
    public void Parse_AtomWithXmlBase_ResolvesRelativeEntryLinks()
    {
        var result = TestFeeds.Parse("atom-xml-base.xml", "application/atom+xml");

        Assert.Equal("atom", result.Format);
        Assert.Equal("http://example.org/blog/", result.Feed.Link);
        Assert.Equal("http://example.org/blog/posts/first.html", result.Entries[0].Link);
        Assert.Equal("http://other.example.net/absolute", result.Entries[1].Link);
        Assert.Equal("http://example.org/audio/2.mp3", result.Entries[1].Enclosures[0].Url);
    }

    [Fact]
    public void Parse_AtomEntry_ReadsIdDatesAndAuthorName()
    {
        var entry = TestFeeds.Parse("atom-xml-base.xml").Entries[0];

        Assert.Equal("tag:example.org,2024:1", entry.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(TimeSpan.Zero, entry.Updated!.Value.Offset);
        Assert.Equal("Jane Doe", entry.Author);
    }

    [Fact]
    public void Parse_AtomXhtmlContent_DropsWrapperDiv()
    {
        var entry = TestFeeds.Parse("atom-xml-base.xml").Entries[1];

        Assert.Equal("<p>Hello <b>world</b></p>", entry.Content);
    }

    [Fact]
    public void Parse_AtomHtmlTitle_DecodesEscapedMarkupOnce()
    {
        var entry = TestFeeds.Parse("atom-xml-base.xml").Entries[1];

        Assert.Equal("Second & last", entry.Title);
    }

    [Fact]
    public void Parse_CdataContent_KeepsHtmlAndPlainTitle()
    {
        var entry = TestFeeds.Parse("rss2-cdata-content.xml").Entries[0];

        Assert.Equal("Fish & Chips", entry.Title);
        Assert.Equal("<p>Short &amp; sweet</p>", entry.Summary);
        Assert.Equal("<p>The <em>full</em> story &nbsp;here</p>", entry.Content);
    }

    [Fact]
    public void Parse_MissingOrGarbageDates_AreNullNotDefaulted()
    {
        var result = TestFeeds.Parse("rss2-missing-dates.xml");

        Assert.All(result.Entries, e => Assert.Null(e.Published));
        Assert.All(result.Entries, e => Assert.Null(e.Updated));
        Assert.Equal(2, result.Entries.Count);
    }

    [Fact]
    public void Parse_FutureDate_IsKeptUnclampedInUtc()
    {
        var entry = TestFeeds.Parse("rss2-future-date.xml").Entries[0];

        Assert.Equal(new DateTimeOffset(2999, 1, 1, 4, 15, 0, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Parse_MissingGuid_LeavesIdNull()
    {
        var entry = TestFeeds.Parse("rss2-missing-guid.xml").Entries[0];

        Assert.Null(entry.Id);
        Assert.Equal("http://example.com/no-guid", entry.Link);
    }

    [Fact]
    public void Parse_PermalinkGuidWithoutLink_UsesGuidAsLink()
    {
        var entry = TestFeeds.Parse("rss2-missing-guid.xml").Entries[1];

        Assert.Equal("http://example.com/permalink", entry.Id);
        Assert.Equal("http://example.com/permalink", entry.Link);
    }

    [Fact]
    public void Parse_NonPermalinkGuidWithoutLink_LeavesLinkNull()
    {
        var entry = TestFeeds.Parse("rss2-missing-guid.xml").Entries[2];

        Assert.Equal("opaque-42", entry.Id);
        Assert.Null(entry.Link);
    }

    [Fact]
    public void Parse_RdfItem_UsesRdfAboutAsIdAndDublinCore()
    {
        var result = TestFeeds.Parse("rdf-rss1.xml");
        var entry = result.Entries[0];

        Assert.Equal("rdf", result.Format);
        Assert.Equal("de", result.Feed.Language);
        Assert.Equal("http://example.org/items/1", entry.Id);
        Assert.Equal("http://example.org/items/1.html", entry.Link);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 18, 14, 55, TimeSpan.Zero), entry.Updated);
        Assert.Equal("Mark", entry.Author);
        Assert.Equal(["Testing"], entry.Categories);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsAuthorsLanguageAndAttachments()
    {
        var result = TestFeeds.Parse("jsonfeed-1.1.json", "application/feed+json", "https://example.org/feed.json");
        var entry = result.Entries[0];

        Assert.Equal("json", result.Format);
        Assert.True(result.WellFormed);
        Assert.Equal("en-GB", result.Feed.Language);
        Assert.Equal("https://example.org/posts/1", entry.Link);
        Assert.Equal("Item Author", entry.Author);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal("A greeting", entry.Summary);
        Assert.Equal(["greeting", "test"], entry.Categories);
        Assert.Equal(new ParsedEnclosure("https://example.org/1.mp3", "audio/mpeg", 5000), entry.Enclosures[0]);
    }

    [Fact]
    public void Parse_JsonFeed10_ReadsNumericIdAuthorAndEscapesContentText()
    {
        var entry = TestFeeds.Parse("jsonfeed-1.0.json", "application/json").Entries[0];

        Assert.Equal("17", entry.Id);
        Assert.Equal("Old Style Author", entry.Author);
        Assert.Equal("Plain &lt;text&gt; &amp; more", entry.Content);
    }

    [Fact]
    public void Parse_InvalidJson_FailsWithPositionedError()
    {
        var result = TestFeeds.ParseText("{ \"title\": \"x\", ");

        Assert.True(result.IsFailure);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: invalid JSON at line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownRootElement_FailsWithFormatNotDetected()
    {
        var result = TestFeeds.ParseText("<html><body>not a feed</body></html>");

        Assert.Null(result.Format);
        Assert.Contains(result.Errors, e => e.Contains("format not detected", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MediaRssTitle_FillsMissingTitleOnly()
    {
        const string xml = """
            <rss xmlns:media="http://search.yahoo.com/mrss/"><channel>
              <item><media:title>media</media:title><media:description>described</media:description></item>
              <item><title>core</title><media:title>media</media:title></item>
            </channel></rss>
            """;

        var result = TestFeeds.ParseText(xml);

        Assert.Equal("media", result.Entries[0].Title);
        Assert.Equal("described", result.Entries[0].Summary);
        Assert.Equal("core", result.Entries[1].Title);
    }

    [Fact]
    public void Parse_RssAuthorWithEmail_KeepsOnlyTheName()
    {
        const string xml = """
            <rss><channel>
              <item><author>me@example.com (Jane Doe)</author></item>
            </channel></rss>
            """;

        Assert.Equal("Jane Doe", TestFeeds.ParseText(xml).Entries[0].Author);
    }

    [Fact]
    public void Parse_ContentLanguageHeader_UsedOnlyWhenFeedHasNone()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("<rss><channel><title>t</title></channel></rss>");

        var result = new FeedParser().Parse(new FeedDocument(bytes, "text/xml", null, "en"));

        Assert.Equal("en", result.Feed.Language);
    }

    [Fact]
    public void Parse_CalledConcurrently_GivesTheSameResultsAsSequentially()
    {
        var parser = new FeedParser();
        var bytes = TestFeeds.Bytes("rss2-html-entities.xml");

        var titles = Enumerable.Range(0, 64).AsParallel()
            .Select(_ => parser.Parse(new FeedDocument(bytes, "text/xml", null)).Entries[0].Title)
            .ToList();

        Assert.All(titles, t => Assert.Equal("It\u2019s here", t));
    }
}

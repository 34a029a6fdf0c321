using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FeedHarvester.Html;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

/// <summary>Feeds nested or sized to exhaust a parser: every one gets an outcome, no reader recurses per level.</summary>
public sealed class HostileNestingTests
{
    private const string HealthyEntry =
        "<entry><title>Healthy</title><id>urn:healthy</id><link href=\"http://127.0.0.1/healthy\"/><updated>2026-01-01T00:00:00Z</updated>" +
        "<content type=\"html\">&lt;p&gt;Fine.&lt;/p&gt;</content></entry>";

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    private static string Atom(string xhtml) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:f</id>" +
        "<updated>2026-01-01T00:00:00Z</updated><entry><title>Deep</title><id>urn:deep</id><link href=\"http://127.0.0.1/deep\"/>" +
        "<updated>2026-01-01T00:00:00Z</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml +
        "</div></content></entry>" + HealthyEntry + "</feed>";

    private static string Rss(string description) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>http://127.0.0.1/</link>" +
        "<item><title>Deep</title><link>http://127.0.0.1/deep</link><description>" + description + "</description></item>" +
        "<item><title>Healthy</title><link>http://127.0.0.1/healthy</link><description>Fine.</description></item></channel></rss>";

    [Fact]
    public void Parse_AtomXhtmlContentNestedMillionLevels_IsRefusedAsTooManyElements()
    {
        var result = TestFeeds.ParseText(Atom(Repeat("<b>", 1_000_000) + "deep text" + Repeat("</b>", 1_000_000)));

        Assert.Null(result.Format);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: too_many_elements: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AtomXhtmlContentNestedHundredThousandLevels_KeepsBothEntriesAndTheDeepText()
    {
        var result = TestFeeds.ParseText(Atom(Repeat("<div>", 100_000) + "deep text" + Repeat("</div>", 100_000)));

        Assert.Equal("atom", result.Format);
        Assert.False(result.WellFormed);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: too_deeply_nested: ", StringComparison.Ordinal));
        Assert.Equal(["Deep", "Healthy"], result.Entries.Select(e => e.Title));
        Assert.Contains("deep text", result.Entries[0].Content, StringComparison.Ordinal);
        Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(result.Entries[0].Content!));
        Assert.Equal("<p>Fine.</p>", result.Entries[1].Content);
    }

    [Fact]
    public void Parse_RssDescriptionWithMillionUnclosedTags_IsRefusedAsTooManyElements()
    {
        var result = TestFeeds.ParseText(Rss(Repeat("<b>", 1_000_000) + "text"));

        Assert.Null(result.Format);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: too_many_elements: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RssDescriptionWithHundredThousandUnclosedTags_RecoversTheItemsWithinTheDepthLimit()
    {
        var result = TestFeeds.ParseText(Rss(Repeat("<b>", 100_000) + "text"));

        Assert.Equal("rss", result.Format);
        Assert.NotEmpty(result.Entries);
        Assert.Equal("Deep", result.Entries[0].Title);
        Assert.All(result.Entries, e => Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(e.Content ?? e.Summary ?? "")));
    }

    [Fact]
    public void Parse_RssDescriptionWithThirtyThousandUnfinishedTags_RecoversTheItemsInBoundedTime()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var result = TestFeeds.ParseText(Rss(Repeat("<a ", 30_000)));

        Assert.Equal("rss", result.Format);
        Assert.Equal(["Deep", "Healthy"], result.Entries.Select(e => e.Title));
        // Each unfinished tag used to be a match attempt reading to the end of the document: minutes, not seconds.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parse_RssEscapedDescriptionNestedMillionLevels_KeepsItsTextAsOneParagraph()
    {
        var escaped = System.Security.SecurityElement.Escape(Repeat("<div>", 1_000_000) + "deep text");

        var result = TestFeeds.ParseText(Rss(escaped));

        Assert.False(result.WellFormed);
        Assert.Equal("<p>deep text</p>", result.Entries[0].Summary);
        Assert.Contains(result.Errors, e => e.Contains("summary too_deeply_nested", StringComparison.Ordinal));
        Assert.Equal("Fine.", result.Entries[1].Summary);
    }

    [Fact]
    public void Parse_JsonFeedContentHtmlNestedMillionLevels_KeepsItsTextAsOneParagraph()
    {
        var json = JsonSerializer.Serialize(new
        {
            version = "https://jsonfeed.org/version/1.1",
            title = "J",
            items = new object[]
            {
                new { id = "deep", url = "http://127.0.0.1/deep", content_html = Repeat("<div>", 1_000_000) + "deep text" },
                new { id = "healthy", url = "http://127.0.0.1/healthy", content_html = "<p>Fine.</p>" },
            },
        });

        var result = TestFeeds.ParseText(json, "application/feed+json");

        Assert.Equal("json", result.Format);
        Assert.False(result.WellFormed);
        Assert.Equal("<p>deep text</p>", result.Entries[0].Content);
        Assert.Equal("<p>Fine.</p>", result.Entries[1].Content);
        Assert.Contains(result.Errors, e => e.StartsWith("parse: entry 1 (http://127.0.0.1/deep) content too_deeply_nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DocumentMillionLevelsDeep_KeepsTheTextAtTheLimit()
    {
        var xml = "<root>" + Repeat("<b>", 1_000_000) + "deep " + Repeat("</b>", 500_000) + "text" + Repeat("</b>", 500_000) + "</root>";
        using var reader = XmlReader.Create(new StringReader(xml));

        var root = XmlTreeBuilder.Load(reader, MarkupLimits.MaxDepth, out var flattened);

        Assert.True(flattened);
        var deepest = root!.DescendantsAndSelf().Last();
        Assert.Equal(MarkupLimits.MaxDepth, deepest.AncestorsAndSelf().Count());
        Assert.Equal("deep text", deepest.Value);
    }

    public static TheoryData<string> FeedFixtures()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "feeds"), "*.xml").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(FeedFixtures))]
    public void Load_FeedFixture_BuildsTheTreeXDocumentLoadBuilds(string name)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        XElement? expected;
        try
        {
            using var strict = XmlReader.Create(new MemoryStream(TestFeeds.Bytes(name)), settings);
            expected = XDocument.Load(strict, LoadOptions.PreserveWhitespace).Root;
        }
        catch (XmlException)
        {
            return; // an ill-formed fixture: neither builds a tree
        }

        using var reader = XmlReader.Create(new MemoryStream(TestFeeds.Bytes(name)), settings);
        var built = XmlTreeBuilder.Load(reader, MarkupLimits.MaxDepth, out var flattened);

        Assert.False(flattened);
        Assert.Equal(expected!.ToString(SaveOptions.DisableFormatting), built!.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(expected.DescendantNodes().Count(), built.DescendantNodes().Count());
        Assert.Equal(expected.Descendants().Count(e => e.IsEmpty), built.Descendants().Count(e => e.IsEmpty));
    }

    [Fact]
    public void InnerHtml_MillionLevelsDeep_IsWrittenWithoutRecursion()
    {
        // Built from the leaf up: adding under a deep parent walks to the root each time (quadratic).
        var element = new XElement("i", "x");
        for (var i = 1; i < 1_000_000; i++)
        {
            element = new XElement("i", element);
        }

        var html = XhtmlSerializer.InnerHtml(new XElement("div", element));

        Assert.Equal(Repeat("<i>", 1_000_000) + "x" + Repeat("</i>", 1_000_000), html);
    }

    [Fact]
    public void Read_MillionUnclosedTags_BuildsATreeNoDeeperThanTheLimit()
    {
        var root = TagSoupReader.Read("<rss>" + Repeat("<b>", 1_000_000) + "text");

        Assert.NotNull(root);
        var deepest = root.DescendantsAndSelf().Last();
        Assert.Equal(MarkupLimits.MaxDepth, deepest.AncestorsAndSelf().Count());
        Assert.Equal("text", deepest.Value);
    }
}

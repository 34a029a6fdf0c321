using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FeedHarvester.Fetching;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Mutations;

namespace FeedHarvester.Fuzz.Tests;

public sealed class MutationTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load();

    private static FuzzDocument Seed(string name) => FuzzDocument.From(Corpus.Get(name));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The pick that selects the content insertion point right after <paramref name="text"/>.</summary>
    internal static uint ContentSlotAfter(FuzzDocument document, string text)
    {
        var index = MarkupScanner.Slots(document).Where(s => s.InContent).ToList()
            .FindIndex(s => document.Raw.AsSpan(0, s.Position).EndsWith(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no content point after {text}");
        return (uint)index;
    }

    [Fact]
    public void Nest_ClosedInAtomXhtmlContent_BuildsAWellFormedTreeThatDeep()
    {
        var seed = Seed("feeds/atom-xml-base.xml");
        var before = Count(seed.Raw, "<span>");
        var pick = ContentSlotAfter(seed, "xhtml\">");

        var nested = new Nest("span", 1000, Closed: true, pick).Apply(seed);

        Assert.Equal(before + 1000, Count(nested.Raw, "<span>"));
        var content = XDocument.Parse(nested.Raw).Descendants().First(e => e.Name.LocalName == "content");
        var spans = content.Descendants().Where(e => e.Name.LocalName == "span").ToList();
        Assert.Equal(1000, spans.Count);
        Assert.Equal(999, spans.Max(e => e.Ancestors().Count(a => a.Name.LocalName == "span")));
    }

    [Fact]
    public void Nest_InAnEscapedRssDescription_WritesTheTagsAsEntities()
    {
        var feed = FuzzDocument.FromBytes(Encoding.UTF8.GetBytes(
            "<rss version=\"2.0\"><channel><item><description>Plain &lt;i&gt;text&lt;/i&gt;</description></item></channel></rss>"),
            "application/rss+xml", InputKind.Feed);

        var nested = new Nest("b", 5, Closed: false, Pick: 0).Apply(feed);

        Assert.Contains(string.Concat(Enumerable.Repeat("&lt;b&gt;", 5)), nested.Raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", nested.Raw, StringComparison.Ordinal);
        _ = XDocument.Parse(nested.Raw); // still well-formed XML: the nesting is in the HTML the description holds
    }

    [Fact]
    public void Nest_InJsonFeedContent_KeepsValidJsonWithTheMarkupInContentHtml()
    {
        var nested = new Nest("div", 100, Closed: true, Pick: 0).Apply(Seed("feeds/jsonfeed-1.1.json"));

        using var json = JsonDocument.Parse(nested.Raw);
        var item = json.RootElement.GetProperty("items")[0];
        var html = item.GetProperty("content_html").GetString() ?? item.GetProperty("summary").GetString()!;
        Assert.Equal(100, Count(html, "<div>"));
    }

    [Fact]
    public void Nest_AMillionLevelsInAPage_IsScaledDownToTheFetchLimit()
    {
        var nested = new Nest("div", 1_000_000, Closed: true, Pick: 0).Apply(Seed("pages/live-blog/source.html"));

        Assert.InRange(nested.ToBytes().LongLength, FetchingDefaults.MaxPageBytes - 11 - Nest.InnerText.Length, FetchingDefaults.MaxPageBytes);
    }

    [Fact]
    public void RepeatFragment_InsertsTheFragmentThatManyTimes()
    {
        const string paragraph = "<p>Paragraph.</p>";
        var seed = Seed("pages/live-blog/source.html");

        var repeated = new RepeatFragment(paragraph, 100_000, Pick: 3).Apply(seed);

        Assert.Equal(Count(seed.Raw, paragraph) + 100_000, Count(repeated.Raw, paragraph));
    }

    [Fact]
    public void RepeatElement_CopiesAWholeElementWithItsEndTag()
    {
        var feed = FuzzDocument.FromBytes(Encoding.UTF8.GetBytes("<rss><channel><item><title>a</title></item></channel></rss>"),
            "application/rss+xml", InputKind.Feed);
        var itemIndex = MarkupScanner.StartTags(feed.Raw).FindIndex(t => t.Name == "item");

        var repeated = new RepeatElement(50, (uint)itemIndex).Apply(feed);

        Assert.Equal(50, XDocument.Parse(repeated.Raw).Descendants("item").Count());
    }

    [Fact]
    public void BloatAttributes_Many_AddsDistinctAttributesToOneTag()
    {
        var page = Seed("pages/live-blog/source.html");

        var bloated = new BloatAttributes(BloatAttributes.Many, 1000, Pick: 0).Apply(page);

        Assert.Contains(" a999=\"v\"", bloated.Raw, StringComparison.Ordinal);
        Assert.Equal(page.Raw.Length + Enumerable.Range(0, 1000).Sum(i => $" a{i}=\"v\"".Length), bloated.Raw.Length);
    }

    [Fact]
    public void Reencode_Utf32BigEndianWithoutBom_WritesFourBytesPerCharacterAndNoMark()
    {
        var seed = Seed("feeds/rss2-missing-dates.xml");

        var bytes = new Reencode(Reencode.Utf32Be, Bom: false).Apply(seed).ToBytes();

        Assert.Equal(seed.Raw.Length * 4, bytes.Length); // the fixture is ASCII
        Assert.Equal([0, 0, 0, (byte)'<'], bytes[..4]);
        Assert.Equal(Encoding.UTF8.GetString(seed.ToBytes()), new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes));
    }

    [Fact]
    public void Reencode_Utf16LittleEndianWithBom_StartsWithTheMark()
    {
        var bytes = new Reencode(Reencode.Utf16Le, Bom: true).Apply(Seed("feeds/rss2-missing-dates.xml")).ToBytes();

        Assert.Equal([0xFF, 0xFE, (byte)'<', 0], bytes[..4]);
    }

    [Fact]
    public void DeclareCharset_InThePrologOrTheHeader_ChangesOnlyTheDeclaration()
    {
        var seed = Seed("feeds/rss2-missing-dates.xml");

        var prolog = new DeclareCharset("utf-7", DeclareCharset.Prolog).Apply(seed);
        var header = new DeclareCharset("utf-7", DeclareCharset.Header).Apply(seed);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-7\"?>", prolog.Raw, StringComparison.Ordinal);
        Assert.Equal(seed.Raw.Length - "utf-8".Length + "utf-7".Length, prolog.Raw.Length);
        Assert.Equal("application/rss+xml; charset=utf-7", header.ContentType);
        Assert.Equal(seed.Raw, header.Raw);
    }

    [Fact]
    public void InsertDoctype_GoesAfterTheXmlDeclaration()
    {
        var inserted = new InsertDoctype("<!DOCTYPE rss [<!ENTITY e \"x\">]>").Apply(Seed("feeds/rss2-missing-dates.xml"));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE rss [", inserted.Raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u, 0)]
    [InlineData(0x8000_0000u, 50)]
    [InlineData(uint.MaxValue, 99)]
    public void Truncate_CutsAtItsShareOfTheLength(uint pick, int expectedPercent)
    {
        var seed = FuzzDocument.FromBytes(new byte[1000], "text/html", InputKind.Page);

        var cut = new Truncate(pick).Apply(seed);

        Assert.InRange(cut.Raw.Length, expectedPercent * 10, (expectedPercent * 10) + 10);
    }

    [Fact]
    public void FlipBytes_SamePick_SameBytes_OtherPick_OtherBytes()
    {
        var seed = Seed("pages/live-blog/source.html");

        var once = new FlipBytes(16, 42).Apply(seed);
        var again = new FlipBytes(16, 42).Apply(seed);
        var other = new FlipBytes(16, 43).Apply(seed);

        Assert.Equal(once.Raw, again.Raw);
        Assert.NotEqual(seed.Raw, once.Raw);
        Assert.NotEqual(once.Raw, other.Raw);
        Assert.Equal(seed.Raw.Length, once.Raw.Length);
    }

    [Fact]
    public void Mutations_LeaveBytesTheyDoNotTouchAsTheyWere()
    {
        var seed = Seed("pages/windows-1251-meta-charset/source.html");
        var at = MarkupScanner.Slots(seed).Where(s => s.InContent).ToList()[0].Position;

        var nested = new Nest("i", 3, Closed: true, Pick: 0).Apply(seed);

        Assert.Equal(seed.ToBytes()[..at], nested.ToBytes()[..at]);
        Assert.Equal(seed.ToBytes()[at..], nested.ToBytes()[^(seed.Raw.Length - at)..]);
    }
}

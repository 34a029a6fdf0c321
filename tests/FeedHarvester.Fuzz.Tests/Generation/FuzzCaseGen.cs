using CsCheck;
using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Mutations;

namespace FeedHarvester.Fuzz.Generation;

/// <summary>
/// CsCheck generators of fuzz cases: a seed fixture, one or two structural mutations, then now and then a
/// charset declaration, a re-encoding and a byte-level change, in that order (markup is edited as bytes before
/// the encoding changes them). Sizes are drawn on a log scale so that both a handful and a million occur.
/// </summary>
internal sealed class FuzzCaseGen
{
    /// <summary>Deepest nesting tried: past the depth where a recursive walk on a 1.5 MB thread stack overflows.</summary>
    public const int MaxDepth = 1_000_000;

    /// <summary>Most copies of a repeated element or fragment: 100,000 flat paragraphs is a known quadratic trap.</summary>
    public const int MaxRepetitions = 100_000;

    private static readonly string[] Tags =
        ["div", "span", "b", "i", "a", "p", "li", "ul", "table", "td", "blockquote", "font", "em", "section", "article", "q"];

    private static readonly string[] Fragments =
    [
        "<p>Paragraph text of the story, repeated to fill the page with words.</p>",
        "<p>",
        "<br>",
        "</div>",
        "<li>item",
        "<td>cell",
        "<a href=\"/more\">Read more</a> ",
        "<img src=\"/img/photo.jpg\" data-src=\"/img/photo-large.jpg\">",
        "<!-- comment -->",
        "<b><i>mis</b>nested</i>",
        "<div><p>Block text that reads like an article paragraph, with commas, clauses and enough words.</p></div>",
        "<item><title>Repeated item</title><link>https://news.example.com/repeated</link></item>",
        "<script>var x = '</div>';</script>",
        "<![CDATA[cdata]]>",
    ];

    private static readonly string[] Entities =
    [
        "&nbsp;", "&amp;amp;", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999999999999;", "&bogus;", "&#x1F600;",
        "&", "&#", "&#x;", "&copy", "&lt;",
    ];

    private static readonly string[] Charsets =
    [
        "utf-7", "UTF-7", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32be", "ucs-4", "iso-8859-1", "windows-1252",
        "windows-1251", "shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "big5", "koi8-r", "ibm037", "us-ascii", "utf-8",
        "utf8", "x-bogus-charset", "", "utf-8\"", new string('x', 300),
    ];

    private static readonly string[] Doctypes =
    [
        "<!DOCTYPE rss [<!ENTITY e \"entity text\">]>",
        "<!DOCTYPE rss SYSTEM \"file:///etc/passwd\">",
        // Loopback only: if a guard ever let an external subset through, the fetch must not leave the machine.
        "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://127.0.0.1:9/rss-0.91.dtd\">",
        "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>",
        "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "<!DOCTYPE html>",
        "<!DOCTYPE rss [",
    ];

    private static readonly string[] Encodings =
        [Reencode.Utf8, Reencode.Utf16Le, Reencode.Utf16Be, Reencode.Utf32Le, Reencode.Utf32Be];

    private readonly SeedCorpus _corpus;

    public FuzzCaseGen(SeedCorpus corpus)
    {
        _corpus = corpus;
        Case =
            from seed in Gen.Int[0, corpus.Seeds.Count - 1]
            from structural in Structural.Array[1, 2]
            from charset in Optional(CharsetDeclaration, 3)
            from reencoding in Optional(Reencoding, 5)
            from bytes in Optional(ByteLevel, 3)
            select new FuzzCase(
                corpus.Seeds[seed].Name,
                [.. structural, .. new[] { charset, reencoding, bytes }.OfType<Mutation>()]);
    }

    public Gen<FuzzCase> Case { get; }

    /// <summary>The case a CsCheck seed string stands for (see <see cref="CaseSeeds"/>).</summary>
    public FuzzCase Generate(string caseSeed) => Case.Generate(PCG.Parse(caseSeed), null, out _);

    public SeedCorpus Corpus => _corpus;

    /// <summary>
    /// Where recursion-depth bugs start: a recursive walk with a few hundred bytes per frame overflows a 1.5 MB
    /// stack somewhere past ten thousand levels; a third of nestings are drawn from here up.
    /// </summary>
    private const int DeepNesting = 20_000;

    /// <summary><paramref name="min"/> to <paramref name="max"/>, evenly spread over orders of magnitude (in steps of a thousandth of one).</summary>
    private static Gen<int> LogScale(int max, int min = 1) =>
        Gen.Int[(int)(Math.Log10(min) * 1000), (int)(Math.Log10(max) * 1000)]
            .Select(step => (int)Math.Clamp(Math.Round(Math.Pow(10, step / 1000.0)), min, max));

    private static Gen<int> Depth => Gen.Frequency((2, LogScale(MaxDepth)), (1, LogScale(MaxDepth, DeepNesting)));

    private static Gen<Mutation> Structural => Gen.Frequency(
        (4, from tag in Gen.OneOf(Tags) from depth in Depth from closed in Gen.Bool from pick in Gen.UInt
            select (Mutation)new Nest(tag, depth, closed, pick)),
        (3, from fragment in Gen.OneOf(Fragments) from count in LogScale(MaxRepetitions) from pick in Gen.UInt
            select (Mutation)new RepeatFragment(fragment, count, pick)),
        (2, from count in LogScale(MaxRepetitions) from pick in Gen.UInt select (Mutation)new RepeatElement(count, pick)),
        (2, from entity in Gen.OneOf(Entities) from count in LogScale(MaxRepetitions) from pick in Gen.UInt
            select (Mutation)new InsertEntity(entity, count, pick)),
        (1, from mode in Gen.OneOf(BloatAttributes.Many, BloatAttributes.Duplicate, BloatAttributes.Long)
            from count in LogScale(MaxRepetitions) from pick in Gen.UInt
            select (Mutation)new BloatAttributes(mode, count, pick)),
        (1, Gen.OneOf(Doctypes).Select(d => (Mutation)new InsertDoctype(d))),
        (1, from depth in Depth from pick in Gen.UInt select (Mutation)new NestJson(depth, pick)));

    private static Gen<Mutation> CharsetDeclaration =>
        from charset in Gen.OneOf(Charsets)
        from place in Gen.OneOf(DeclareCharset.Header, DeclareCharset.Prolog, DeclareCharset.Meta)
        select (Mutation)new DeclareCharset(charset, place);

    private static Gen<Mutation> Reencoding =>
        from encoding in Gen.OneOf(Encodings) from bom in Gen.Bool select (Mutation)new Reencode(encoding, bom);

    private static Gen<Mutation> ByteLevel => Gen.Frequency(
        (1, Gen.UInt.Select(pick => (Mutation)new Truncate(pick))),
        (1, from count in Gen.Int[1, 16] from pick in Gen.UInt select (Mutation)new FlipBytes(count, pick)));

    /// <summary>The mutation about once in <paramref name="oneIn"/> cases, otherwise none.</summary>
    private static Gen<Mutation?> Optional(Gen<Mutation> gen, int oneIn) =>
        Gen.Frequency((oneIn - 1, Gen.Const((Mutation?)null)), (1, gen.Select(m => (Mutation?)m)));
}

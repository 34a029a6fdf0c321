using System.Text;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Parsing;

/// <summary>
/// Issue 14, item 5: "DTDs are always refused" holds in every encoding a document can arrive in. The encoding is
/// found from the first bytes (XML 1.0 Appendix F) before the guard looks, so a DOCTYPE in UTF-16 without a BOM
/// or declaration, or in UCS-4 in any octet order, is seen and refused like one in UTF-8.
/// </summary>
public sealed class DtdGuardEncodingTests
{
    private const string Refused = "parse: DTD refused (internal subset declares entities)";

    private const string Laughs = """
        <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
        """;

    private const string Feed = """<rss version="2.0"><channel><title>Harbour news</title><item><title>Ferry</title><link>http://example.com/1</link></item></channel></rss>""";

    static DtdGuardEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The 33 variants: 7 Unicode forms with and without BOM and declaration, 2 EBCDIC pages and 3 ASCII-based sets, declared.</summary>
    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var form in UnicodeForms)
        {
            foreach (var bom in new[] { true, false })
            {
                foreach (var declaration in new[] { true, false })
                {
                    data.Add($"{form}|{(bom ? "bom" : "no-bom")}|{(declaration ? "decl" : "no-decl")}");
                }
            }
        }

        foreach (var declared in DeclaredOnly)
        {
            data.Add($"{declared}|no-bom|decl");
        }

        return data;
    }

    private static readonly string[] UnicodeForms = ["utf-8", "utf-16le", "utf-16be", "ucs-4-1234", "ucs-4-4321", "ucs-4-2143", "ucs-4-3412"];

    // Encodings that only a declaration can name (Appendix F reads "<?xm" in EBCDIC and nothing at all in ASCII-based sets).
    private static readonly string[] DeclaredOnly = ["ibm037", "ibm500", "windows-1252", "iso-8859-1", "shift_jis"];

    [Fact]
    public void Variants_AreTheThirtyThree() => Assert.Equal(33, Variants().Count);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parse_EntityDtdInEveryEncodingVariant_Refused(string variant)
    {
        var result = Parse(Encode(variant, Laughs + "\n" + Feed.Replace("Harbour news", "&lol2;", StringComparison.Ordinal)), "application/rss+xml");

        Assert.True(result.IsFailure, $"{variant}: not refused");
        Assert.Contains(Refused, result.Errors);
        Assert.Empty(result.Entries);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parse_SameVariantWithoutDtd_ReadAsTheFeed(string variant)
    {
        var result = Parse(Encode(variant, Feed), "application/rss+xml");

        Assert.False(result.IsFailure, $"{variant}: {string.Join("; ", result.Errors)}");
        Assert.Equal("Harbour news", result.Feed.Title);
        Assert.Equal("Ferry", Assert.Single(result.Entries).Title);
    }

    [Theory]
    [InlineData("utf-16le|no-bom|no-decl")]
    [InlineData("ucs-4-1234|no-bom|no-decl")]
    [InlineData("ucs-4-3412|bom|decl")]
    public void Parse_WideDtdServedAsUtf8_StillRefused(string variant)
    {
        var result = Parse(Encode(variant, Laughs + "\n" + Feed), "application/rss+xml; charset=utf-8");

        Assert.Contains(Refused, result.Errors);
    }

    [Fact]
    public void Parse_DoctypeRejoinedByTheControlCharacterRepair_Refused()
    {
        var result = TestFeeds.ParseText("<\u0001!DOCTYPE rss [<!ENTITY a \"b\">]>" + Feed.Replace("Harbour news", "&a;", StringComparison.Ordinal));

        Assert.True(result.IsFailure);
        Assert.Contains(Refused, result.Errors);
    }

    private static FeedParseResult Parse(byte[] body, string contentType) =>
        new FeedParser().Parse(new FeedDocument(body, contentType, new Uri("http://example.com/feed.xml")));

    private static byte[] Encode(string variant, string document)
    {
        var parts = variant.Split('|');
        var (form, bom, declaration) = (parts[0], parts[1] == "bom", parts[2] == "decl");
        var text = (declaration ? $"<?xml version=\"1.0\" encoding=\"{DeclaredName(form)}\"?>\n" : string.Empty) + document;
        return form switch
        {
            "ucs-4-2143" => Permute(Ucs4(text, bom), [1, 0, 3, 2]),
            "ucs-4-3412" => Permute(Ucs4(text, bom), [2, 3, 0, 1]),
            "ucs-4-1234" => Ucs4(text, bom),
            _ => [.. (bom ? EncodingOf(form).GetPreamble() : []), .. EncodingOf(form).GetBytes(text)],
        };
    }

    private static string DeclaredName(string form) => form switch
    {
        "utf-16le" or "utf-16be" => "UTF-16",
        "ucs-4-1234" or "ucs-4-4321" or "ucs-4-2143" or "ucs-4-3412" => "ISO-10646-UCS-4",
        _ => form,
    };

    private static Encoding EncodingOf(string form) => form switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        "ucs-4-4321" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        _ => Encoding.GetEncoding(form),
    };

    private static byte[] Ucs4(string text, bool bom)
    {
        var encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        return [.. (bom ? encoding.GetPreamble() : []), .. encoding.GetBytes(text)];
    }

    /// <summary>Big-endian UCS-4 rewritten in another octet order: byte i of each character comes from byte order[i].</summary>
    private static byte[] Permute(byte[] bigEndian, int[] order)
    {
        var result = new byte[bigEndian.Length];
        for (var i = 0; i < bigEndian.Length; i += 4)
        {
            for (var k = 0; k < 4; k++)
            {
                result[i + k] = bigEndian[i + order[k]];
            }
        }

        return result;
    }
}

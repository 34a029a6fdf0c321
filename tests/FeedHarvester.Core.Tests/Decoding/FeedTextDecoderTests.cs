using System.Text;
using FeedHarvester.Decoding;
using FeedHarvester.Tests.Parsing;

namespace FeedHarvester.Tests.Decoding;

public sealed class FeedTextDecoderTests
{
    private static readonly Encoding Windows1252;

    static FeedTextDecoderTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    [Fact]
    public void Decode_PrologOnlyWindows1251WithBareTextXml_UsesProlog()
    {
        var decoded = FeedTextDecoder.Decode(TestFeeds.Bytes("rss-windows-1251-prolog-only.xml"), "text/xml");

        Assert.Equal("windows-1251", decoded.EncodingName);
        Assert.Equal("prolog", decoded.Source);
        Assert.Contains("Привет, мир", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Windows1251PrologOnly_ReadsCyrillicTitles()
    {
        var result = TestFeeds.Parse("rss-windows-1251-prolog-only.xml", "text/xml");

        Assert.True(result.WellFormed);
        Assert.Equal("Новости", result.Feed.Title);
        Assert.Equal("Привет, мир", result.Entries[0].Title);
    }

    [Fact]
    public void Decode_HttpCharset_OverridesProlog()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>£“test”</title></channel></rss>");

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml; charset=windows-1252");

        Assert.Equal("http", decoded.Source);
        Assert.Contains("£“test”", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ByteOrderMark_WinsOverEverything()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<rss>é</rss>")).ToArray();

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml; charset=iso-8859-1");

        Assert.Equal("bom", decoded.Source);
        Assert.Equal("<rss>é</rss>", decoded.Text);
    }

    [Fact]
    public void Decode_NoDeclarationAnywhere_DefaultsToUtf8()
    {
        var decoded = FeedTextDecoder.Decode(Encoding.UTF8.GetBytes("<rss>ü</rss>"), "application/xml");

        Assert.Equal("default", decoded.Source);
        Assert.Equal("<rss>ü</rss>", decoded.Text);
    }

    [Fact]
    public void Decode_EucKrProlog_UsesCodePagesProvider()
    {
        var bytes = Encoding.GetEncoding("euc-kr").GetBytes("<?xml version=\"1.0\" encoding=\"euc-kr\"?><rss>년</rss>");

        var decoded = FeedTextDecoder.Decode(bytes, null);

        Assert.EndsWith("<rss>년</rss>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownCharsetName_FallsBackWithoutThrowing()
    {
        var decoded = FeedTextDecoder.Decode(Encoding.UTF8.GetBytes("<rss/>"), "text/xml; charset=x-no-such-charset");

        Assert.Equal("default", decoded.Source);
    }

    [Fact]
    public void Decode_InvalidUtf8Bytes_ReadAsWindows1252AndFlagged()
    {
        var decoded = FeedTextDecoder.Decode(TestFeeds.Bytes("rss2-invalid-utf8-bytes.xml"), "application/rss+xml");

        Assert.True(decoded.HadInvalidBytes);
        Assert.Contains("Broken \u00FF\u00FE bytes", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8LabelledWindows1251_ReadAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Новости дня</title></channel></rss>");

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml");

        Assert.Contains("Новости дня", decoded.Text, StringComparison.Ordinal);
        Assert.False(decoded.HadInvalidBytes);
    }

    [Fact]
    public void Decode_RealWindows1251_KeptAsDeclared()
    {
        var windows1251 = Encoding.GetEncoding(1251);
        var bytes = windows1251.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Городской совет</title></channel></rss>");

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml");

        Assert.Contains("Городской совет", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidBytes_NotWellFormedButEntriesKept()
    {
        var result = TestFeeds.Parse("rss2-invalid-utf8-bytes.xml");

        Assert.False(result.WellFormed);
        Assert.Equal("Still here", result.Entries[0].Title);
        Assert.Contains(result.Errors, e => e.Contains("invalid bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Utf16WithoutBom_DetectedFromByteLayout()
    {
        var bytes = Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>Ω</rss>");

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml");

        Assert.EndsWith("<rss>Ω</rss>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16NamedInPrologOfUtf8Bytes_ReadsAsUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>é</rss>");

        var decoded = FeedTextDecoder.Decode(bytes, null);

        Assert.EndsWith("<rss>é</rss>", decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/rss+xml; charset=utf-7", "<?xml version=\"1.0\"?>", "http")]
    [InlineData("application/rss+xml", "<?xml version=\"1.0\" encoding=\"utf-7\"?>", "prolog")]
    public void Decode_Utf7Declared_IgnoredWithANoteAndReadAsUtf8(string contentType, string prolog, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(prolog + "<rss><channel><title>Zürich +ADw-b+AD4-</title></channel></rss>");

        var decoded = FeedTextDecoder.Decode(bytes, contentType);

        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Contains("Zürich +ADw-b+AD4-", decoded.Text, StringComparison.Ordinal);
        Assert.Contains(decoded.Notes, n => n.StartsWith($"decode: charset \"utf-7\" (from {source}) ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Utf7Feed_EntriesHarvestedAndTheNoteKept()
    {
        var result = TestFeeds.ParseText(
            "<rss version=\"2.0\"><channel><title>Seven</title><item><title>One</title><link>http://example.com/1</link></item></channel></rss>",
            "application/rss+xml; charset=utf-7");

        Assert.False(result.IsFailure);
        Assert.Equal("One", Assert.Single(result.Entries).Title);
        Assert.Contains(result.Errors, e => e.StartsWith("decode: charset \"utf-7\" (from http) ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_EbcdicNamedForAsciiBytes_IgnoredWithANote()
    {
        var decoded = FeedTextDecoder.Decode(Encoding.UTF8.GetBytes("<rss><channel><title>t</title></channel></rss>"), "text/xml; charset=ibm037");

        Assert.Equal("<rss><channel><title>t</title></channel></rss>", decoded.Text);
        Assert.Contains(decoded.Notes, n => n.Contains("\"ibm037\" (from http) ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_EbcdicWithItsDeclaration_ReadWithTheDeclaredPage()
    {
        var ibm500 = Encoding.GetEncoding("ibm500");
        var bytes = ibm500.GetBytes("<?xml version=\"1.0\" encoding=\"ibm500\"?><rss><channel><title>[EBCDIC]!</title></channel></rss>");

        var decoded = FeedTextDecoder.Decode(bytes, "text/xml");

        Assert.Equal("prolog", decoded.Source);
        Assert.EndsWith("<title>[EBCDIC]!</title></channel></rss>", decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16WithoutBomOrDeclaration_ReadFromTheLayout()
    {
        var decoded = FeedTextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes("<rss>Ω</rss>"), "text/xml; charset=utf-8");

        Assert.Equal("layout", decoded.Source);
        Assert.Equal("<rss>Ω</rss>", decoded.Text);
    }
}

using System.Text;
using FeedHarvester.Decoding;

namespace FeedHarvester.Tests.Decoding;

public sealed class DeclaredCharsetCheckTests
{
    static DeclaredCharsetCheckTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Correct_Utf8BytesLabelledLatin1_Utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Café déjà vu");

        Assert.Equal(Encoding.UTF8.CodePage, DeclaredCharsetCheck.Correct(Encoding.Latin1, bytes).CodePage);
    }

    [Fact]
    public void Correct_Latin1BytesLabelledUtf8_MetaDeclarationWins()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("Городской совет");

        Assert.Equal(1251, DeclaredCharsetCheck.Correct(Encoding.UTF8, bytes, Encoding.GetEncoding(1251)).CodePage);
    }

    [Fact]
    public void Correct_Latin1BytesLabelledUtf8NoOtherDeclaration_Windows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("Café");

        Assert.Equal(1252, DeclaredCharsetCheck.Correct(Encoding.UTF8, bytes).CodePage);
    }

    [Fact]
    public void Correct_AsciiOnly_DeclarationKept() =>
        Assert.Equal(1251, DeclaredCharsetCheck.Correct(Encoding.GetEncoding(1251), "plain text"u8.ToArray()).CodePage);

    [Fact]
    public void Decode_PageHeaderSaysLatin1ButBytesAreUtf8_TextComesOutRight()
    {
        var body = Encoding.UTF8.GetBytes("<html><body><p>Zürich – naïve café</p></body></html>");

        var text = PageDecoder.Decode(body, "text/html; charset=iso-8859-1");

        Assert.Contains("Zürich – naïve café", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PageHeaderSaysUtf8ButBytesAreWindows1251_MetaCharsetUsed()
    {
        var body = Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"windows-1251\"></head><body><p>Городской совет</p></body></html>");

        var text = PageDecoder.Decode(body, "text/html; charset=utf-8");

        Assert.Contains("Городской совет", text, StringComparison.Ordinal);
    }
}

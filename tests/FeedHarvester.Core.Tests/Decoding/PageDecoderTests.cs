using System.Text;
using FeedHarvester.Decoding;

namespace FeedHarvester.Tests.Decoding;

public sealed class PageDecoderTests
{
    private const string Word = "Привет";

    [Fact]
    public void Decode_HeaderCharset_IsUsed()
    {
        var bytes = CodePages.Windows1251.GetBytes($"<html><body>{Word}</body></html>");

        Assert.Contains(Word, PageDecoder.Decode(bytes, "text/html; charset=windows-1251"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_MetaCharset_UsedWithoutHeaderCharset()
    {
        var bytes = CodePages.Windows1251.GetBytes($"<html><head><meta charset=\"windows-1251\"></head><body>{Word}</body></html>");

        Assert.Contains(Word, PageDecoder.Decode(bytes, "text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HttpEquivCharset_Used()
    {
        var bytes = CodePages.Windows1251.GetBytes($"<meta http-equiv='Content-Type' content='text/html; charset=cp1251'>{Word}");

        Assert.Contains(Word, PageDecoder.Decode(bytes, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Bom_WinsOverHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Word)).ToArray();

        Assert.Equal(Word, PageDecoder.Decode(bytes, "text/html; charset=windows-1251"));
    }

    [Fact]
    public void Decode_NoDeclaration_DefaultsToUtf8()
    {
        Assert.Equal(Word, PageDecoder.Decode(Encoding.UTF8.GetBytes(Word), null));
    }

    [Fact]
    public void Decode_UnknownCharsetLabel_FallsBackToMetaThenUtf8()
    {
        Assert.Equal(Word, PageDecoder.Decode(Encoding.UTF8.GetBytes(Word), "text/html; charset=bogus-9"));
    }

    [Theory]
    [InlineData("text/html; charset=utf-7", "")]
    [InlineData("text/html", "<meta charset=\"utf-7\">")]
    [InlineData("text/html", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-7\">")]
    public void Decode_Utf7Declared_IgnoredWithANoteAndReadAsUtf8(string contentType, string meta)
    {
        var bytes = Encoding.UTF8.GetBytes($"<html><head>{meta}</head><body>{Word} +ADw-script+AD4-</body></html>");

        var text = PageDecoder.Decode(bytes, contentType, out var note);

        Assert.Contains($"{Word} +ADw-script+AD4-", text, StringComparison.Ordinal);
        Assert.NotNull(note);
        Assert.Contains("utf-7\" (from ", note, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ignored, refused", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_KnownCharset_NoNote()
    {
        _ = PageDecoder.Decode(CodePages.Windows1251.GetBytes(Word), "text/html; charset=windows-1251", out var note);

        Assert.Null(note);
    }

    [Theory]
    [InlineData("text/html; charset=windows-1251", false)]
    [InlineData("text/html", false)]
    [InlineData("text/html; charset=windows-1251", true)]
    public void DecodePooled_ReadsTheSameTextAsDecode(string contentType, bool withBom)
    {
        var page = $"<html><head><meta charset=\"windows-1251\"></head><body>{Word}</body></html>";
        var bytes = withBom
            ? Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(page)).ToArray()
            : CodePages.Windows1251.GetBytes(page);

        using var pooled = PageDecoder.DecodePooled(bytes, contentType, out var pooledNote);

        Assert.Equal(PageDecoder.Decode(bytes, contentType, out var note), pooled.ToString());
        Assert.Equal(note, pooledNote);
        Assert.Contains(Word, pooled.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodePooled_OnceDisposed_HoldsNoText()
    {
        var pooled = PageDecoder.DecodePooled(Encoding.UTF8.GetBytes(Word), null, out _);
        Assert.Equal(Word.Length, pooled.Length);

        pooled.Dispose();
        pooled.Dispose();

        Assert.Equal(0, pooled.Memory.Length);
        Assert.Equal("", pooled.ToString());
    }
}

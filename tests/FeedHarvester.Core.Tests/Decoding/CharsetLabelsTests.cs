using System.Text;
using FeedHarvester.Decoding;

namespace FeedHarvester.Tests.Decoding;

/// <summary>Issue 14, item 4: any declared charset is either used or ignored with a note, never an exception.</summary>
public sealed class CharsetLabelsTests
{
    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData(" utf-7 ")]
    [InlineData("unicode-1-1-utf-7")]
    [InlineData("csUnicode11UTF7")]
    [InlineData("x-unicode-2-0-utf-7")]
    public void Resolve_Utf7Label_RefusedWithANote(string label)
    {
        var lookup = CharsetLabels.Resolve(label, "http");

        Assert.Null(lookup.Encoding);
        Assert.StartsWith($"decode: charset \"{label.Trim()}\" (from http) ignored, refused", lookup.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-no-such-charset")]
    [InlineData("utf8mb4")]
    [InlineData("none")]
    [InlineData("65000")]
    [InlineData("cp65000")]
    public void Resolve_UnknownLabel_IgnoredWithANote(string label)
    {
        var lookup = CharsetLabels.Resolve(label, "meta");

        Assert.Null(lookup.Encoding);
        Assert.Equal($"decode: charset \"{label}\" (from meta) ignored, unknown", lookup.Note);
    }

    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("windows-1251", 1251)]
    [InlineData("ISO-8859-1", 28591)]
    [InlineData("koi8-r", 20866)]
    [InlineData("ibm037", 37)]
    public void Resolve_KnownLabel_EncodingWithoutANote(string label, int codePage)
    {
        var lookup = CharsetLabels.Resolve(label, "prolog");

        Assert.Equal(codePage, lookup.Encoding?.CodePage);
        Assert.Null(lookup.Note);
    }

    [Theory]
    [InlineData("cp1251", 1251)]
    [InlineData("CP1250", 1250)]
    [InlineData("utf8", 65001)]
    [InlineData("x-sjis", 932)]
    [InlineData("ISO-8859-1", 1252)]
    [InlineData("latin1", 1252)]
    [InlineData("us-ascii", 1252)]
    [InlineData("koi8-r", 20866)]
    public void ResolveForHtml_LabelAsBrowsersReadIt_EncodingWithoutANote(string label, int codePage)
    {
        var lookup = CharsetLabels.ResolveForHtml(label, "meta");

        Assert.Equal(codePage, lookup.Encoding?.CodePage);
        Assert.Null(lookup.Note);
    }

    [Fact]
    public void ResolveForHtml_Utf7Label_StillRefused()
    {
        var lookup = CharsetLabels.ResolveForHtml("utf-7", "meta");

        Assert.Null(lookup.Encoding);
        Assert.StartsWith("decode: charset \"utf-7\" (from meta) ignored, refused", lookup.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_NoLabel_NothingAndNoNote(string? label) => Assert.Equal(default, CharsetLabels.Resolve(label, "http"));

    [Theory]
    [InlineData("utf-8", true)]
    [InlineData("windows-1252", true)]
    [InlineData("shift_jis", true)]
    [InlineData("ibm037", false)]
    [InlineData("utf-16", false)]
    public void IsAsciiCompatible_SaysWhetherMarkupIsWrittenAsAscii(string label, bool expected)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        Assert.Equal(expected, CharsetLabels.IsAsciiCompatible(Encoding.GetEncoding(label)));
    }
}

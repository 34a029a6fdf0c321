using System.Text;
using System.Text.Unicode;

namespace FeedHarvester.Decoding;

/// <summary>
/// Catches documents that lie about their character set, the two common ways: bytes that are valid UTF-8 (with
/// non-ASCII text in it) labelled as a single-byte set such as ISO-8859-1 or windows-1251, and bytes labelled
/// UTF-8 that are not UTF-8 at all (a legacy page behind a server default). Real text in a single-byte set is
/// practically never valid multi-byte UTF-8, so the check is safe in the direction it corrects.
/// </summary>
internal static class DeclaredCharsetCheck
{
    /// <summary>What a not-UTF-8 document labelled UTF-8 most often is, when nothing else is declared.</summary>
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>
    /// The encoding to decode <paramref name="body"/> with, given the <paramref name="declared"/> one and, for a false
    /// UTF-8 label, another declaration seen in the document (<paramref name="alternative"/>, e.g. a meta tag).
    /// </summary>
    public static Encoding Correct(Encoding declared, ReadOnlySpan<byte> body, Encoding? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(declared);
        if (body.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F) < 0)
        {
            // Pure ASCII reads the same in every candidate; nothing to correct.
            return declared;
        }

        var validUtf8 = Utf8.IsValid(body);
        if (declared is UTF8Encoding)
        {
            return validUtf8 ? declared : alternative is { IsSingleByte: true } ? alternative : Windows1252.Value;
        }

        return declared.IsSingleByte && validUtf8 ? Encoding.UTF8 : declared;
    }
}

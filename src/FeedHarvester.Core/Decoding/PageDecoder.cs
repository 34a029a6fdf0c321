using System.Text;
using System.Text.RegularExpressions;
namespace FeedHarvester.Decoding;

/// <summary>
/// Bytes to text, choosing the encoding as browsers do: byte-order mark, then the Content-Type charset,
/// then a &lt;meta charset&gt; / http-equiv prescan of the first bytes, then UTF-8.
/// </summary>
internal static partial class PageDecoder
{
    /// <summary>Browsers prescan 1024 bytes; some pages put the meta tag later, so look a little further.</summary>
    private const int PrescanBytes = 4096;

    static PageDecoder()
    {
        // windows-1251, windows-1252, shift_jis… live in the code-pages provider, not in the default set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> body, string? contentType) => Decode(body, contentType, out _);

    /// <param name="body">The page's bytes.</param>
    /// <param name="contentType">The Content-Type header, if any.</param>
    /// <param name="note">"decode: …" when a declared charset was ignored (unknown, or refused like UTF-7); else null.</param>
    public static string Decode(ReadOnlySpan<byte> body, string? contentType, out string? note)
    {
        var encoding = Choose(body, contentType, out var skip, out note);
        return encoding.GetString(body[skip..]);
    }

    /// <summary>
    /// As <see cref="Decode(ReadOnlySpan{byte}, string?, out string?)"/>, into a pooled buffer the caller disposes
    /// once the text is parsed (see <see cref="PooledText"/>).
    /// </summary>
    public static PooledText DecodePooled(ReadOnlySpan<byte> body, string? contentType, out string? note)
    {
        var encoding = Choose(body, contentType, out var skip, out note);
        return PooledText.Decode(encoding, body[skip..]);
    }

    /// <summary>The encoding to read <paramref name="body"/> with, and how many leading bytes (a byte-order mark) to skip.</summary>
    private static Encoding Choose(ReadOnlySpan<byte> body, string? contentType, out int skip, out string? note)
    {
        if (CharsetDeclarations.FromByteOrderMark(body) is { } bom)
        {
            note = null;
            skip = bom.Length;
            return bom.Encoding;
        }

        // The meta prescan decodes and searches the page's head, so it runs only when the header says nothing, or
        // says UTF-8 of bytes that are not: then the page's own meta tag is the better witness of what it really is.
        var header = CharsetLabels.ResolveForHtml(CharsetDeclarations.FromContentType(contentType), "http");
        var fromHeader = header.Encoding;
        string? metaNote = null;
        var declaredInPage = fromHeader is null || (fromHeader is UTF8Encoding && !System.Text.Unicode.Utf8.IsValid(body))
            ? Prescan(body, out metaNote)
            : null;
        note = header.Note ?? metaNote;
        skip = 0;
        return DeclaredCharsetCheck.Correct(fromHeader ?? declaredInPage ?? Encoding.UTF8, body, declaredInPage);
    }

    /// <summary>The encoding the page declares for itself in a meta tag, or null.</summary>
    private static Encoding? Prescan(ReadOnlySpan<byte> body, out string? note)
    {
        note = null;
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, PrescanBytes)]);
        foreach (Match meta in MetaTag().Matches(head))
        {
            var lookup = CharsetLabels.ResolveForHtml(CharsetDeclarations.FromContentType(meta.Value), "meta");
            note ??= lookup.Note;
            if (lookup.Encoding is { } encoding)
            {
                // A page cannot really be UTF-16 (or UTF-32) if its meta tag was readable as ASCII (HTML spec, prescan).
                return encoding is UnicodeEncoding or UTF32Encoding ? Encoding.UTF8 : encoding;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();
}

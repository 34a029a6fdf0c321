using System.Text;
using System.Text.RegularExpressions;

namespace FeedHarvester.Decoding;

/// <summary>Reads charset declarations: the Content-Type parameter (or a meta tag's), a byte-order mark, the XML prolog.</summary>
internal static partial class CharsetDeclarations
{
    // Past the sniffed wide layouts the prolog is ASCII-compatible (or EBCDIC, read with its own page), so it is read from the raw bytes.
    private const int PrologScanBytes = 512;

    /// <summary>The charset parameter of a Content-Type header, or of an HTML meta tag's content.</summary>
    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex PrologEncoding();

    public static string? FromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Returns the encoding named by a BOM and the BOM's length, or null.</summary>
    public static (Encoding Encoding, int Length)? FromByteOrderMark(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (Encoding.UTF32, 4);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return null;
    }

    /// <summary>The prolog's encoding= label, reading the first bytes as ASCII (Latin-1) or with <paramref name="reader"/> (EBCDIC).</summary>
    public static string? FromXmlProlog(ReadOnlySpan<byte> body, Encoding? reader = null)
    {
        var head = (reader ?? Encoding.Latin1).GetString(body[..Math.Min(body.Length, PrologScanBytes)]);
        var match = PrologEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }
}

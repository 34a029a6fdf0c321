using System.Text;

namespace FeedHarvester.Decoding;

/// <summary>
/// The encoding of an XML document from its first four bytes, as XML 1.0 Appendix F does it: a byte-order mark
/// (UTF-8, UTF-16 BE/LE, UCS-4 in all four octet orders), else the pattern of zero bytes around the first
/// character, else EBCDIC's "&lt;?xm". Appendix F reads the zeros around "&lt;?"; any ASCII first character
/// ("&lt;!DOCTYPE", whitespace, "{") is laid out the same way, so documents without a declaration are caught too.
/// Null means ASCII-compatible bytes: the declarations decide.
/// </summary>
internal static class XmlEncodingSniffer
{
    /// <summary>"&lt;?xm" in EBCDIC: the declaration, read with this page, names the real one.</summary>
    private const int EbcdicPrologCodePage = 37;

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    static XmlEncodingSniffer()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static SniffedEncoding? Sniff(ReadOnlySpan<byte> body) => FromByteOrderMark(body) ?? FromLayout(body);

    /// <summary>
    /// Bytes in the UCS-4 order <paramref name="octets"/> rewritten big-endian, for orders .NET has no decoder for
    /// (2143, 3412). A trailing partial character is kept as it is, to be flagged as invalid by the decoder.
    /// </summary>
    public static byte[] Reorder(ReadOnlySpan<byte> body, string octets)
    {
        var result = body.ToArray();
        for (var i = 0; i + 4 <= result.Length; i += 4)
        {
            (result[i], result[i + 1], result[i + 2], result[i + 3]) = octets == "2143"
                ? (body[i + 1], body[i], body[i + 3], body[i + 2])
                : (body[i + 2], body[i + 3], body[i], body[i + 1]);
        }

        return result;
    }

    private static SniffedEncoding? FromByteOrderMark(ReadOnlySpan<byte> b)
    {
        // The UCS-4 marks first: FF FE 00 00 would otherwise read as UTF-16LE's FF FE.
        return b switch
        {
            [0x00, 0x00, 0xFE, 0xFF, ..] => new(Utf32BigEndian, 4, "1234"),
            [0xFF, 0xFE, 0x00, 0x00, ..] => new(Encoding.UTF32, 4, "4321"),
            [0x00, 0x00, 0xFF, 0xFE, ..] => new(Utf32BigEndian, 4, "2143"),
            [0xFE, 0xFF, 0x00, 0x00, ..] => new(Utf32BigEndian, 4, "3412"),
            [0xEF, 0xBB, 0xBF, ..] => new(Encoding.UTF8, 3),
            [0xFE, 0xFF, ..] => new(Encoding.BigEndianUnicode, 2),
            [0xFF, 0xFE, ..] => new(Encoding.Unicode, 2),
            _ => null,
        };
    }

    private static SniffedEncoding? FromLayout(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4)
        {
            return null;
        }

        return (b[0], b[1], b[2], b[3]) switch
        {
            (0, 0, 0, var c) when IsAscii(c) => new(Utf32BigEndian, 0, "1234"),
            (var c, 0, 0, 0) when IsAscii(c) => new(Encoding.UTF32, 0, "4321"),
            (0, 0, var c, 0) when IsAscii(c) => new(Utf32BigEndian, 0, "2143"),
            (0, var c, 0, 0) when IsAscii(c) => new(Utf32BigEndian, 0, "3412"),
            (0, var c, 0, var d) when IsAscii(c) && IsAscii(d) => new(Encoding.BigEndianUnicode, 0),
            (var c, 0, var d, 0) when IsAscii(c) && IsAscii(d) => new(Encoding.Unicode, 0),
            (0x4C, 0x6F, 0xA7, 0x94) => new(Encoding.GetEncoding(EbcdicPrologCodePage), 0, Ebcdic: true),
            _ => null,
        };
    }

    private static bool IsAscii(byte b) => b is > 0 and < 0x80;
}

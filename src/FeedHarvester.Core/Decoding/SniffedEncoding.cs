using System.Text;

namespace FeedHarvester.Decoding;

/// <summary>How a document's first bytes are laid out, and the encoding that layout implies.</summary>
/// <param name="Encoding">The encoding to read the bytes after the BOM with; for the unusual UCS-4 orders, the big-endian one after <see cref="XmlEncodingSniffer.Reorder"/>.</param>
/// <param name="BomLength">Bytes of byte-order mark to skip; 0 when the layout was read from the first characters.</param>
/// <param name="Octets">The UCS-4 octet order ("1234", "4321", "2143", "3412"), or null for anything else.</param>
/// <param name="Ebcdic">EBCDIC "&lt;?xm": <paramref name="Encoding"/> only reads the declaration, which names the code page.</param>
internal sealed record SniffedEncoding(Encoding Encoding, int BomLength, string? Octets = null, bool Ebcdic = false)
{
    /// <summary>True when the layout is not ASCII-compatible, so no charset declared elsewhere can apply to these bytes.</summary>
    public bool Wide => Encoding is UnicodeEncoding or UTF32Encoding;
}

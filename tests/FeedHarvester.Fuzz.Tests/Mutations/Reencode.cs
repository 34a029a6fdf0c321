using System.Text;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Re-encodes the whole document (read as UTF-8) as UTF-16 or UTF-32, little or big endian, with or without a
/// byte-order mark: without one, only the bytes themselves (or a declaration they carry) tell the encoding.
/// </summary>
internal sealed record Reencode(string Encoding, bool Bom) : Mutation
{
    public const string Utf8 = "utf-8";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public const string Utf32Le = "utf-32le";
    public const string Utf32Be = "utf-32be";

    public override FuzzDocument Apply(FuzzDocument document)
    {
        var target = Target();
        var text = System.Text.Encoding.UTF8.GetString(document.ToBytes());
        var preamble = Bom ? target.GetPreamble() : [];
        var maxChars = (int)Math.Min(text.Length, (document.MaxBytes - preamble.Length) / BytesPerChar());
        var bytes = preamble.Concat(target.GetBytes(text[..Math.Max(0, maxChars)])).ToArray();
        return FuzzDocument.FromBytes(bytes, document.ContentType, document.Kind);
    }

    public override string Describe() => $"reencode({Encoding}{(Bom ? " with BOM" : " without BOM")})";

    // Worst case per UTF-16 char, so the re-encoded document stays within the fetch limit.
    private int BytesPerChar() => Encoding switch
    {
        Utf16Le or Utf16Be => 2,
        Utf32Le or Utf32Be => 4,
        _ => 3,
    };

    private System.Text.Encoding Target() => Encoding switch
    {
        Utf16Le => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        Utf16Be => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        Utf32Le => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        Utf32Be => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
    };
}

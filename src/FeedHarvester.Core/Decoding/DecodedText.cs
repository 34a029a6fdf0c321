namespace FeedHarvester.Decoding;

/// <summary>A feed body turned into text, with how the character set was chosen.</summary>
/// <param name="Text">The decoded text, BOM removed.</param>
/// <param name="EncodingName">The web name of the encoding used.</param>
/// <param name="Source">Where the charset came from: "bom", "layout" (UTF-16/UCS-4 read from the first bytes), "http", "prolog" or "default".</param>
/// <param name="HadInvalidBytes">True when some bytes were not valid in that encoding and were replaced with U+FFFD.</param>
internal sealed record DecodedText(string Text, string EncodingName, string Source, bool HadInvalidBytes)
{
    /// <summary>"decode: …" notes on declared charsets that were ignored (unknown, refused, impossible for these bytes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

using System.Text;

namespace FeedHarvester.Decoding;

/// <summary>
/// Turns a feed body into text. Precedence: the first bytes (XML 1.0 Appendix F: a byte-order mark, or the
/// layout of UTF-16/UCS-4 or EBCDIC), then the HTTP charset (RFC 7303: it overrides the prolog, also for
/// text/xml), then the XML prolog's encoding=, then UTF-8. A text/xml response without a charset is NOT taken
/// as us-ascii (RFC 3023's old rule): real sites serve windows-1251 declared only in the prolog that way.
/// The text is always the one the bytes really spell, so the DTD guard and the XML reader see the same document.
/// </summary>
internal static class FeedTextDecoder
{
    static FeedTextDecoder()
    {
        // windows-125x, EUC-KR, KOI8-R … are not inbox on .NET Core without the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static DecodedText Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var notes = new List<string>();
        var decoded = XmlEncodingSniffer.Sniff(body) is { } sniffed
            ? DecodeSniffed(body, sniffed, notes)
            : DecodeDeclared(body, contentType, notes);
        return notes.Count == 0 ? decoded : decoded with { Notes = notes };
    }

    private static DecodedText DecodeSniffed(ReadOnlySpan<byte> body, SniffedEncoding sniffed, List<string> notes)
    {
        if (sniffed.Ebcdic)
        {
            return DecodeWith(body, EbcdicPage(body, sniffed.Encoding, notes), "prolog");
        }

        var source = sniffed.BomLength > 0 ? "bom" : "layout";
        var rest = body[sniffed.BomLength..];
        return sniffed.Octets is "2143" or "3412"
            ? DecodeWith(XmlEncodingSniffer.Reorder(rest, sniffed.Octets), sniffed.Encoding, source)
            : DecodeWith(rest, sniffed.Encoding, source);
    }

    private static DecodedText DecodeDeclared(ReadOnlySpan<byte> body, string? contentType, List<string> notes)
    {
        var prolog = ResolveForAsciiBytes(CharsetDeclarations.FromXmlProlog(body), "prolog", notes);
        if (ResolveForAsciiBytes(CharsetDeclarations.FromContentType(contentType), "http", notes) is { } http)
        {
            return DecodeChecked(body, http, prolog, "http");
        }

        if (prolog is not null)
        {
            return DecodeChecked(body, prolog, null, "prolog");
        }

        return DecodeChecked(body, Encoding.UTF8, null, "default");
    }

    /// <summary>
    /// The encoding a label names, for bytes laid out ASCII-compatibly; null for a label that is unknown, refused,
    /// or names an encoding these bytes cannot be in (EBCDIC). UTF-16/32 named there means UTF-8: publishers
    /// mislabel UTF-8 that way, and a prolog we could read as ASCII cannot really be UTF-16.
    /// </summary>
    private static Encoding? ResolveForAsciiBytes(string? label, string source, List<string> notes)
    {
        var lookup = CharsetLabels.Resolve(label, source);
        if (lookup.Note is { } note)
        {
            notes.Add(note);
        }

        switch (lookup.Encoding)
        {
            case UnicodeEncoding or UTF32Encoding:
                return Encoding.UTF8;
            case { } encoding when !CharsetLabels.IsAsciiCompatible(encoding):
                Note(notes, label!, source, "the bytes are laid out as ASCII and it is not");
                return null;
            case var encoding:
                return encoding;
        }
    }

    /// <summary>The EBCDIC page the declaration names; the page it was read with when it names none, or an ASCII-based one.</summary>
    private static Encoding EbcdicPage(ReadOnlySpan<byte> body, Encoding prologReader, List<string> notes)
    {
        var label = CharsetDeclarations.FromXmlProlog(body, prologReader);
        var lookup = CharsetLabels.Resolve(label, "prolog");
        if (lookup.Note is { } note)
        {
            notes.Add(note);
        }

        if (lookup.Encoding is not { } encoding)
        {
            return prologReader;
        }

        if (CharsetLabels.IsAsciiCompatible(encoding))
        {
            Note(notes, label!, "prolog", "the bytes are EBCDIC and it is not");
            return prologReader;
        }

        return encoding;
    }

    private static void Note(List<string> notes, string label, string source, string why) =>
        notes.Add($"decode: charset \"{label.Trim()}\" (from {source}) ignored, {why}");

    // A document whose bytes belie its label is read the way it was really written, but one that was invalid in its
    // declared encoding stays flagged: to an XML parser it is not well-formed, whatever we could salvage.
    private static DecodedText DecodeChecked(ReadOnlySpan<byte> body, Encoding declared, Encoding? alternative, string source)
    {
        var asDeclared = DecodeWith(body, declared, source);
        var corrected = DeclaredCharsetCheck.Correct(declared, body, alternative);
        if (corrected.CodePage == declared.CodePage)
        {
            return asDeclared;
        }

        var better = DecodeWith(body, corrected, source + "-corrected");
        return better with { HadInvalidBytes = asDeclared.HadInvalidBytes || better.HadInvalidBytes };
    }

    private static DecodedText DecodeWith(ReadOnlySpan<byte> body, Encoding encoding, string source)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            return new DecodedText(strict.GetString(body), encoding.WebName, source, HadInvalidBytes: false);
        }
        catch (DecoderFallbackException)
        {
            var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
            return new DecodedText(lenient.GetString(body), encoding.WebName, source, HadInvalidBytes: true);
        }
    }
}

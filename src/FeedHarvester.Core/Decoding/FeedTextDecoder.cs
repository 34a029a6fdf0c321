using System.Text;

namespace FeedHarvester.Decoding;

/// <summary>
/// Turns a feed body into text. Precedence: a byte-order mark, then the HTTP charset (RFC 7303: it overrides the
/// prolog, also for text/xml), then the XML prolog's encoding=, then UTF-8. A text/xml response without a charset
/// is NOT taken as us-ascii (RFC 3023's old rule): real sites serve windows-1251 declared only in the prolog that way.
/// </summary>
public static class FeedTextDecoder
{
    static FeedTextDecoder()
    {
        // windows-125x, EUC-KR, KOI8-R … are not inbox on .NET Core without the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static DecodedText Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        if (CharsetDeclarations.FromByteOrderMark(body) is { } bom)
        {
            return DecodeWith(body[bom.Length..], bom.Encoding, "bom");
        }

        if (CharsetDeclarations.FromFirstBytes(body) is { } wide)
        {
            return DecodeWith(body, wide, "bom");
        }

        var prolog = Resolve(CharsetDeclarations.FromXmlProlog(body));
        if (Resolve(CharsetDeclarations.FromContentType(contentType)) is { } http)
        {
            return DecodeChecked(body, http, prolog, "http");
        }

        if (prolog is not null)
        {
            return DecodeChecked(body, prolog, null, "prolog");
        }

        return DecodeChecked(body, Encoding.UTF8, null, "default");
    }

    /// <summary>Finds an encoding by name; null for unknown names. UTF-16/32 named for ASCII-laid-out bytes means UTF-8.</summary>
    public static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());

            // A prolog we could read as ASCII cannot really be UTF-16; publishers mislabel UTF-8 that way.
            return encoding is UnicodeEncoding or UTF32Encoding ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

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

using FeedHarvester.Decoding;

namespace FeedHarvester.Parsing;

/// <summary>
/// Parses a fetched feed document (RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1). Pure and thread-safe.
/// </summary>
/// <remarks>
/// CodeHollow.FeedReader is not on this path: it parses from a string with its own XDocument settings (so it
/// throws on the Netscape DOCTYPE and on every HTML entity instead of recovering), ignores xml:base, maps
/// dc:date to the published date and parses dates with the current culture. Reading the XElement tree we
/// loaded safely keeps one set of rules for all formats.
/// </remarks>
public sealed class FeedParser
{
    public FeedParseResult Parse(FeedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var decoded = FeedTextDecoder.Decode(document.Body.Span, document.ContentType);
        var errors = new List<string>();
        if (decoded.HadInvalidBytes)
        {
            errors.Add($"parse: invalid bytes for {decoded.EncodingName} (from {decoded.Source}), replaced with U+FFFD");
        }

        var links = new LinkResolver(LinkResolver.DocumentBaseFrom(document.DocumentUrl, document.ContentLocation));
        var context = new ReadContext(links, document.ContentLanguage);
        return JsonFeedReader.LooksLikeJson(decoded.Text)
            ? ParseJson(decoded, context, errors)
            : ParseXml(decoded, context, errors);
    }

    private static FeedParseResult ParseJson(DecodedText decoded, ReadContext context, List<string> errors)
    {
        var (content, error) = JsonFeedReader.Read(decoded.Text, context);
        if (content is null)
        {
            errors.Add(error!);
            return Failure(errors);
        }

        return new FeedParseResult(FeedFormatDetector.Json, !decoded.HadInvalidBytes, content.Feed, content.Entries, errors);
    }

    private static FeedParseResult ParseXml(DecodedText decoded, ReadContext context, List<string> errors)
    {
        var (text, refusal) = DtdGuard.Inspect(decoded.Text);
        if (refusal is not null)
        {
            errors.Add(refusal);
            return Failure(errors);
        }

        var load = XmlDocumentLoader.Load(text);
        errors.AddRange(load.Errors);
        if (load.Root is null)
        {
            return Failure(errors);
        }

        var format = FeedFormatDetector.Detect(load.Root);
        FeedContent? content = format switch
        {
            FeedFormatDetector.Rss => RssReader.Read(load.Root, context),
            FeedFormatDetector.Atom => AtomReader.Read(load.Root, context),
            FeedFormatDetector.Rdf => RdfReader.Read(load.Root, context),
            _ => null,
        };
        if (content is null)
        {
            errors.Add($"parse: format not detected (root element <{load.Root.Name.LocalName}>)");
            return Failure(errors, load.WellFormed && !decoded.HadInvalidBytes);
        }

        return new FeedParseResult(format, load.WellFormed && !decoded.HadInvalidBytes, content.Feed, content.Entries, errors);
    }

    private static FeedParseResult Failure(List<string> errors, bool wellFormed = false) =>
        new(null, wellFormed, new ParsedFeed(), [], errors);
}

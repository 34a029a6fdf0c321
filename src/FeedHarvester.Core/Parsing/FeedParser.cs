using FeedHarvester.Decoding;

namespace FeedHarvester.Parsing;

/// <summary>
/// Parses a fetched feed document (RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1). Pure and thread-safe.
/// </summary>
/// <remarks>
/// RSS/RDF/Atom go through CodeHollow.FeedReader, layered under our raw-XML readers:
/// decode → DtdGuard (refused DTDs stop here) → XmlDocumentLoader (strict, repairs, tag soup) → our readers on
/// the tree we loaded, and CodeHollow on the same strictly-accepted text → <see cref="RawXmlOverrides"/>.
/// CodeHollow gives format/version, the item list, ids, authors, core categories and RSS/RDF titles; the raw XML
/// gives links (xml:base), dates (culture-free UTC), summary/content HTML, language, enclosures and Atom text
/// constructs, and fills in whatever CodeHollow leaves empty (field table in <see cref="RawXmlOverrides"/>). CodeHollow is never handed the raw document: it would throw on DOCTYPEs
/// and HTML entities. When it cannot read a document our loader recovered (tag soup, an RSS root without a
/// version, items it does not see), the raw reading stands alone and nothing is recorded as an error: that is
/// our recovery, not the feed's fault.
/// </remarks>
public sealed class FeedParser
{
    public FeedParseResult Parse(FeedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var decoded = FeedTextDecoder.Decode(document.Body.Span, document.ContentType);
        var errors = new List<string>(decoded.Notes);
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

        var (entries, bounded) = BoundMarkup(content.Entries, errors);
        return new FeedParseResult(FeedFormatDetector.Json, !decoded.HadInvalidBytes && !bounded, content.Feed, entries, errors)
        {
            ParsedVia = FeedReadPath.Json,
        };
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
        FeedContent? raw = format switch
        {
            FeedFormatDetector.Rss => RssReader.Read(load.Root, context),
            FeedFormatDetector.Atom => AtomReader.Read(load.Root, context),
            FeedFormatDetector.Rdf => RdfReader.Read(load.Root, context),
            _ => null,
        };
        if (raw is null)
        {
            errors.Add($"parse: format not detected (root element <{load.Root.Name.LocalName}>)");
            return Failure(errors, load.WellFormed && !decoded.HadInvalidBytes);
        }

        var (content, via) = LayerOverCodeHollow(load.StrictText, format!, raw);
        var (entries, bounded) = BoundMarkup(content.Entries, errors);
        return new FeedParseResult(format, load.WellFormed && !decoded.HadInvalidBytes && !bounded, content.Feed, entries, errors)
        {
            ParsedVia = via,
        };
    }

    /// <summary>
    /// CodeHollow's reading with the raw XML layered over it, or the raw reading alone when CodeHollow cannot
    /// read the text, names another format, or sees another item list (entries are paired by position).
    /// </summary>
    private static (FeedContent Content, FeedReadPath Via) LayerOverCodeHollow(string? strictText, string format, FeedContent raw)
    {
        var feed = strictText is null ? null : CodeHollowFeedAdapter.TryRead(strictText);
        if (feed is null || CodeHollowFeedAdapter.FormatOf(feed.Type) != format || (feed.Items?.Count ?? 0) != raw.Entries.Count)
        {
            return (raw, FeedReadPath.RawXml);
        }

        return (RawXmlOverrides.Apply(CodeHollowFeedAdapter.Map(feed), raw, format), FeedReadPath.CodeHollow);
    }

    /// <summary>Entries with hostile HTML reduced to text (<see cref="EntryMarkup"/>); true when any was, which makes the feed "recovered".</summary>
    private static (IReadOnlyList<ParsedEntry> Entries, bool Bounded) BoundMarkup(IReadOnlyList<ParsedEntry> entries, List<string> errors)
    {
        var bounded = EntryMarkup.Bound(entries, errors);
        return (bounded, !ReferenceEquals(bounded, entries));
    }

    private static FeedParseResult Failure(List<string> errors, bool wellFormed = false) =>
        new(null, wellFormed, new ParsedFeed(), [], errors);
}

namespace FeedHarvester.Parsing;

/// <summary>
/// Layers the raw-XML reading over CodeHollow's values, field by field.
/// <list type="bullet">
/// <item>From CodeHollow, raw XML filling in only when it finds nothing (dc:, Media RSS, iTunes, prefixes it does not
/// know): ids, authors, core categories (Atom: the term), and RSS/RDF titles and subtitle.</item>
/// <item>From the raw XML, overriding: links (xml:base), dates (culture-free UTC; dc:date is not "published"),
/// summary/content (Atom type/mode rules, inline XHTML), language (xml:lang, Content-Language), enclosures
/// (several per item, resolved URLs), and Atom titles/subtitle, whose type="text|html|xhtml" CodeHollow drops.</item>
/// </list>
/// </summary>
internal static class RawXmlOverrides
{
    public static FeedContent Apply(FeedContent codeHollow, FeedContent raw, string format)
    {
        var typedText = format == FeedFormatDetector.Atom;
        var feed = codeHollow.Feed with
        {
            Title = typedText ? raw.Feed.Title : codeHollow.Feed.Title ?? raw.Feed.Title,
            Subtitle = typedText ? raw.Feed.Subtitle : codeHollow.Feed.Subtitle ?? raw.Feed.Subtitle,
            Link = raw.Feed.Link ?? codeHollow.Feed.Link,
            Language = raw.Feed.Language ?? codeHollow.Feed.Language,
            Updated = raw.Feed.Updated,
            TimeToLive = raw.Feed.TimeToLive,
        };
        var entries = codeHollow.Entries.Zip(raw.Entries, (c, r) => Entry(c, r, typedText)).ToList();
        return new FeedContent(feed, entries);
    }

    private static ParsedEntry Entry(ParsedEntry codeHollow, ParsedEntry raw, bool typedText) => codeHollow with
    {
        Id = codeHollow.Id ?? raw.Id,
        Title = typedText ? raw.Title : codeHollow.Title ?? raw.Title,
        Author = codeHollow.Author ?? raw.Author,
        Categories = codeHollow.Categories.Concat(raw.Categories).Distinct(StringComparer.Ordinal).ToList(),
        Link = raw.Link ?? codeHollow.Link,
        Published = raw.Published,
        Updated = raw.Updated,
        Summary = raw.Summary,
        Content = raw.Content,
        Enclosures = raw.Enclosures,
    };
}

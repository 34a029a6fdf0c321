using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Atom 1.0 and 0.3 (modified/issued/tagline/mode="escaped"), in any of the namespaces Atom has had.</summary>
internal static class AtomReader
{
    public static FeedContent Read(XElement root, ReadContext context)
    {
        var alternate = AtomLinks.Alternate(root);
        var feed = new ParsedFeed
        {
            Title = FeedText.Plain(FeedElements.Core(root, "title"), untypedIsText: true),
            Link = alternate is null ? null : context.Links.Resolve(FeedElements.Attr(alternate, "href"), alternate),
            Subtitle = FeedText.Plain(FeedElements.Core(root, "subtitle") ?? FeedElements.Core(root, "tagline"), untypedIsText: true),
            Language = RssChannelReader.XmlLang(root) ?? FeedText.Plain(FeedElements.Ext(root, FeedNamespaces.Dc, "language"))
                ?? FeedText.NullIfEmpty(context.ContentLanguage?.Trim()),
            Updated = FirstDate(root, "updated", "modified"),
        };
        var entries = FeedElements.CoreAll(root, "entry").Select(e => ReadEntry(e, context)).ToList();
        return new FeedContent(feed, entries);
    }

    private static ParsedEntry ReadEntry(XElement entry, ReadContext context)
    {
        var alternate = AtomLinks.Alternate(entry);
        var content = FeedElements.Core(entry, "content");
        return new ParsedEntry
        {
            Id = FeedText.NullIfEmpty(FeedElements.Core(entry, "id")?.Value.Trim()),
            Title = FeedText.Plain(FeedElements.Core(entry, "title"), untypedIsText: true) ?? FeedText.Plain(MediaRss.Title(entry)),
            Link = alternate is null ? null : context.Links.Resolve(FeedElements.Attr(alternate, "href"), alternate),
            Published = FirstDate(entry, "published", "issued"),
            Updated = FirstDate(entry, "updated", "modified"),
            Author = Author(entry),
            Summary = FeedText.Html(FeedElements.Core(entry, "summary")) ?? MediaRss.Description(entry),
            Content = content is not null && FeedElements.Attr(content, "src") is null ? FeedText.Html(content) : null,
            Categories = FeedElements.CoreAll(entry, "category")
                .Select(c => FeedText.Plain(FeedElements.Attr(c, "term")) ?? FeedText.Plain(FeedElements.Attr(c, "label")) ?? FeedText.Plain(c))
                .Concat(FeedElements.ExtAll(entry, FeedNamespaces.Dc, "subject").Select(s => FeedText.Plain(s)))
                .Concat(MediaRss.Categories(entry))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Enclosures = AtomLinks.Enclosures(entry)
                .Select(l => RssItemReader.Enclosure(context.Links.Resolve(FeedElements.Attr(l, "href"), l), FeedElements.Attr(l, "type"), FeedElements.Attr(l, "length")))
                .OfType<ParsedEnclosure>().ToList(),
        };
    }

    private static string? Author(XElement entry)
    {
        var author = FeedElements.Core(entry, "author") ?? FeedElements.Core(entry, "contributor");
        var name = author is null ? null : FeedText.Plain(FeedElements.Core(author, "name")) ?? FeedText.Plain(FeedElements.Core(author, "email"));
        name ??= author is not null && !author.HasElements ? FeedText.Plain(author) : null;
        return AuthorName.Clean(name ?? FeedText.Plain(FeedElements.Ext(entry, FeedNamespaces.Dc, "creator")) ?? FeedText.Plain(FeedElements.Ext(entry, FeedNamespaces.Itunes, "author")));
    }

    private static DateTimeOffset? FirstDate(XElement parent, params string[] names) =>
        names.Select(n => FeedDateParser.Parse(FeedElements.Core(parent, n)?.Value)).FirstOrDefault(d => d is not null);
}

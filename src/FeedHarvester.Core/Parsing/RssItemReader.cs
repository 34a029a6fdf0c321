using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Reads one RSS 0.9x/1.0/2.0 item, with Dublin Core, content:, Atom, iTunes and Media RSS fill-ins.</summary>
internal static class RssItemReader
{
    public static ParsedEntry Read(XElement item, ReadContext context)
    {
        var guid = FeedElements.Core(item, "guid");
        var id = FeedText.NullIfEmpty(guid?.Value.Trim()) ?? FeedText.NullIfEmpty(item.Attribute(FeedNamespaces.RdfNamespace + "about")?.Value.Trim());
        return new ParsedEntry
        {
            Id = id,
            Title = FeedText.Plain(FeedElements.Core(item, "title") ?? FeedElements.Ext(item, FeedNamespaces.Dc, "title") ?? MediaRss.Title(item)),
            Link = Link(item, guid, context),
            Published = Date(item, ("", "pubDate"), (FeedNamespaces.DcTerms, "issued"), (FeedNamespaces.Atom, "published"), (FeedNamespaces.Atom, "issued")),
            Updated = Date(item, (FeedNamespaces.Dc, "date"), (FeedNamespaces.DcTerms, "modified"), (FeedNamespaces.Atom, "updated"), (FeedNamespaces.Atom, "modified")),
            Author = Author(item),
            Summary = FeedText.Html(FeedElements.Core(item, "description") ?? FeedElements.Ext(item, FeedNamespaces.Atom, "summary"))
                ?? FeedText.Html(FeedElements.Ext(item, FeedNamespaces.Itunes, "summary")) ?? MediaRss.Description(item),
            Content = FeedText.Html(FeedElements.Ext(item, FeedNamespaces.Content, "encoded") ?? FeedElements.Ext(item, FeedNamespaces.Xhtml, "body")
                ?? FeedElements.Core(item, "fullitem")
                ?? FeedElements.Ext(item, FeedNamespaces.Atom, "content")),
            Categories = Categories(item),
            Enclosures = Enclosures(item, context),
        };
    }

    /// <summary>An RSS guid is a permalink unless isPermaLink="false"; it stands in for a missing link.</summary>
    private static string? Link(XElement item, XElement? guid, ReadContext context)
    {
        var link = FeedElements.Core(item, "link");
        if (!string.IsNullOrWhiteSpace(link?.Value))
        {
            return context.Links.Resolve(link.Value, link);
        }

        var atomLink = AtomLinks.Alternate(item);
        if (atomLink is not null)
        {
            return context.Links.Resolve(FeedElements.Attr(atomLink, "href"), atomLink);
        }

        var isPermaLink = !string.Equals(FeedElements.Attr(guid, "isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        return guid is not null && isPermaLink ? context.Links.Resolve(guid.Value, guid) : null;
    }

    private static DateTimeOffset? Date(XElement item, params (string Role, string Name)[] candidates)
    {
        foreach (var (role, name) in candidates)
        {
            var element = role.Length == 0 ? FeedElements.Core(item, name) : FeedElements.Ext(item, role, name);
            if (FeedDateParser.Parse(element?.Value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? Author(XElement item)
    {
        var element = FeedElements.Core(item, "author") ?? FeedElements.Ext(item, FeedNamespaces.Dc, "creator")
            ?? FeedElements.Ext(item, FeedNamespaces.Dc, "author") ?? FeedElements.Ext(item, FeedNamespaces.Itunes, "author");
        var atomName = FeedElements.Ext(item, FeedNamespaces.Atom, "author") is { } atomAuthor ? FeedElements.Core(atomAuthor, "name") : null;
        return AuthorName.Clean(FeedText.Plain(element) ?? FeedText.Plain(atomName));
    }

    /// <summary>Categories in document order, whichever vocabulary states them (core, dc:subject, Atom, iTunes, Media RSS).</summary>
    private static List<string> Categories(XElement item) =>
        item.Elements().SelectMany(CategoriesOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string?> CategoriesOf(XElement element)
    {
        var role = FeedNamespaces.RoleOf(element.Name.Namespace);
        return (role, element.Name.LocalName) switch
        {
            (FeedNamespaces.Dc, "subject") => [FeedText.Plain(element)],
            (FeedNamespaces.Atom, "category") => [FeedText.Plain(FeedElements.Attr(element, "term"))],
            (FeedNamespaces.Itunes, "category") => element.DescendantsAndSelf(element.Name).Select(c => FeedText.Plain(FeedElements.Attr(c, "text"))),
            (FeedNamespaces.Itunes, "keywords") => element.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            (FeedNamespaces.Media, "category") => [FeedText.Plain(element)],
            (FeedNamespaces.Media, "group" or "content") => MediaRss.Categories(element),
            (null, "category") when element.Parent is { } parent && FeedElements.CoreAll(parent, "category").Contains(element) => [FeedText.Plain(element)],
            _ => [],
        };
    }

    private static List<ParsedEnclosure> Enclosures(XElement item, ReadContext context)
    {
        var rss = FeedElements.CoreAll(item, "enclosure")
            .Select(e => Enclosure(context.Links.Resolve(FeedElements.Attr(e, "url"), e), FeedElements.Attr(e, "type"), FeedElements.Attr(e, "length")));
        var atom = AtomLinks.Enclosures(item)
            .Select(e => Enclosure(context.Links.Resolve(FeedElements.Attr(e, "href"), e), FeedElements.Attr(e, "type"), FeedElements.Attr(e, "length")));
        return rss.Concat(atom).OfType<ParsedEnclosure>().ToList();
    }

    public static ParsedEnclosure? Enclosure(string? url, string? type, string? length) =>
        string.IsNullOrWhiteSpace(url)
            ? null
            : new ParsedEnclosure(url, FeedText.NullIfEmpty(type?.Trim()), long.TryParse(length?.Trim(), out var bytes) ? bytes : null);
}

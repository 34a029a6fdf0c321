using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Reads the channel-level facts of RSS 0.9x/1.0/2.0 (direct children only: image/link is not the feed link).</summary>
internal static class RssChannelReader
{
    public static ParsedFeed Read(XElement channel, ReadContext context)
    {
        var link = FeedElements.Core(channel, "link");
        var atomLink = link is null || string.IsNullOrWhiteSpace(link.Value) ? AtomLinks.Alternate(channel) : null;
        return new ParsedFeed
        {
            Title = FeedText.Plain(FeedElements.Core(channel, "title") ?? FeedElements.Ext(channel, FeedNamespaces.Dc, "title")),
            Link = atomLink is not null
                ? context.Links.Resolve(FeedElements.Attr(atomLink, "href"), atomLink)
                : link is null ? null : context.Links.Resolve(link.Value, link),
            Subtitle = FeedText.Plain(FeedElements.Core(channel, "description") ?? FeedElements.Ext(channel, FeedNamespaces.Dc, "description")
                ?? FeedElements.Ext(channel, FeedNamespaces.Itunes, "subtitle")),
            Language = Language(channel, context),
            Updated = FirstDate(
                FeedElements.Core(channel, "lastBuildDate"),
                FeedElements.Ext(channel, FeedNamespaces.Dc, "date"),
                FeedElements.Ext(channel, FeedNamespaces.DcTerms, "modified"),
                FeedElements.Ext(channel, FeedNamespaces.Atom, "updated")),
            TimeToLive = TimeToLive(FeedElements.Core(channel, "ttl")),
        };
    }

    /// <summary>RSS 2.0 &lt;ttl&gt; is whole minutes; anything else (empty, negative, prose) says nothing.</summary>
    private static TimeSpan? TimeToLive(XElement? ttl) =>
        int.TryParse(ttl?.Value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : null;

    private static string? Language(XElement channel, ReadContext context) =>
        FeedText.Plain(FeedElements.Core(channel, "language") ?? FeedElements.Ext(channel, FeedNamespaces.Dc, "language"))
        ?? XmlLang(channel)
        ?? FeedText.NullIfEmpty(context.ContentLanguage?.Trim());

    /// <summary>xml:lang (or a bare lang attribute, which publishers also write) in effect at an element; "en_US" becomes "en-US".</summary>
    public static string? XmlLang(XElement element) =>
        FeedText.NullIfEmpty(element.AncestorsAndSelf()
            .Select(e => (e.Attribute(XNamespace.Xml + "lang") ?? e.Attribute("lang"))?.Value.Trim().Replace('_', '-'))
            .FirstOrDefault(v => !string.IsNullOrEmpty(v)));

    private static DateTimeOffset? FirstDate(params XElement?[] candidates) =>
        candidates.Select(c => FeedDateParser.Parse(c?.Value)).FirstOrDefault(d => d is not null);
}

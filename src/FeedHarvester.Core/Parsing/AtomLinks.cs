using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Atom link selection: rel defaults to "alternate"; an HTML alternate is preferred over other types.</summary>
internal static class AtomLinks
{
    public static XElement? Alternate(XElement parent)
    {
        var alternates = Links(parent).Where(l => Rel(l) == "alternate" && !string.IsNullOrWhiteSpace(FeedElements.Attr(l, "href"))).ToList();
        return alternates.FirstOrDefault(l => FeedElements.Attr(l, "type")?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            ?? alternates.FirstOrDefault();
    }

    /// <summary>rel="enclosure" links that carry an href (one without is no enclosure at all).</summary>
    public static IEnumerable<XElement> Enclosures(XElement parent) =>
        Links(parent).Where(l => Rel(l) == "enclosure" && !string.IsNullOrWhiteSpace(FeedElements.Attr(l, "href")));

    private static IEnumerable<XElement> Links(XElement parent) =>
        FeedNamespaces.RoleOf(parent.Name.Namespace) == FeedNamespaces.Atom || IsAtomLike(parent)
            ? FeedElements.CoreAll(parent, "link").Where(l => l.Attribute("href") is not null || l.HasAttributes)
            : FeedElements.ExtAll(parent, FeedNamespaces.Atom, "link");

    private static bool IsAtomLike(XElement parent) => parent.Name.LocalName is "feed" or "entry";

    private static string Rel(XElement link) => (FeedElements.Attr(link, "rel")?.Trim().ToLowerInvariant()) switch
    {
        null or "" => "alternate",
        var rel => rel,
    };
}

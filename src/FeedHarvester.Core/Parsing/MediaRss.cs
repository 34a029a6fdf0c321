using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Media RSS fill-ins: on the item itself, else inside media:group or the first media:content.</summary>
internal static class MediaRss
{
    public static XElement? Title(XElement item) => Find(item, "title");

    public static string? Description(XElement item) => FeedText.Html(Find(item, "description"));

    public static IEnumerable<string?> Categories(XElement item) =>
        Containers(item).SelectMany(c => FeedElements.ExtAll(c, FeedNamespaces.Media, "category")).Select(c => FeedText.Plain(c));

    private static XElement? Find(XElement item, string localName) =>
        Containers(item).Select(c => FeedElements.Ext(c, FeedNamespaces.Media, localName)).FirstOrDefault(e => e is not null);

    private static IEnumerable<XElement> Containers(XElement item)
    {
        yield return item;
        foreach (var group in FeedElements.ExtAll(item, FeedNamespaces.Media, "group"))
        {
            yield return group;
            foreach (var content in FeedElements.ExtAll(group, FeedNamespaces.Media, "content"))
            {
                yield return content;
            }
        }

        foreach (var content in FeedElements.ExtAll(item, FeedNamespaces.Media, "content"))
        {
            yield return content;
        }
    }
}

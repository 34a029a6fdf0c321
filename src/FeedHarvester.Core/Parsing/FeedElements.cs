using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Child lookups for feed elements. "Core" elements are those in the container's own namespace or in none,
/// which covers RSS in the Userland namespace, prefixed RSS 1.0, and the Atom 0.3/1.0 namespace variants.
/// Only direct children are searched: a nested image/id must not win over the entry's own.
/// </summary>
internal static class FeedElements
{
    public static XElement? Core(XElement parent, string localName) =>
        CoreAll(parent, localName).FirstOrDefault();

    public static IEnumerable<XElement> CoreAll(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && IsCore(e, parent));

    public static XElement? Ext(XElement parent, string role, string localName) =>
        ExtAll(parent, role, localName).FirstOrDefault();

    public static IEnumerable<XElement> ExtAll(XElement parent, string role, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && FeedNamespaces.RoleOf(e.Name.Namespace) == role);

    public static string? Attr(XElement? element, string localName) =>
        element?.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && !a.IsNamespaceDeclaration)?.Value;

    private static bool IsCore(XElement element, XElement parent)
    {
        var ns = element.Name.Namespace;
        if (ns == parent.Name.Namespace || ns == XNamespace.None)
        {
            return true;
        }

        // An unknown namespace may be the core one when the container itself is in a known one (RSS items under rdf:RDF).
        var parentRole = FeedNamespaces.RoleOf(parent.Name.Namespace);
        return parentRole is FeedNamespaces.Rdf && FeedNamespaces.RoleOf(ns) is null;
    }
}

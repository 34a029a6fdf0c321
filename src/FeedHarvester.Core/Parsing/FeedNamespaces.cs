using System.Collections.Frozen;
using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Extension namespaces by role. URIs are compared case-insensitively: publishers vary the case (iTunes "DTDs").</summary>
internal static class FeedNamespaces
{
    public const string Dc = "dc";
    public const string DcTerms = "dcterms";
    public const string Content = "content";
    public const string Itunes = "itunes";
    public const string Media = "media";
    public const string Atom = "atom";
    public const string Xhtml = "xhtml";
    public const string Rdf = "rdf";

    public static readonly XNamespace RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly FrozenDictionary<string, string> RoleByUri = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["http://purl.org/dc/elements/1.1/"] = Dc,
        ["http://purl.org/dc/terms/"] = DcTerms,
        ["http://purl.org/rss/1.0/modules/content/"] = Content,
        ["http://www.itunes.com/dtds/podcast-1.0.dtd"] = Itunes,
        ["http://search.yahoo.com/mrss/"] = Media,
        ["http://search.yahoo.com/mrss"] = Media,
        ["http://www.w3.org/2005/Atom"] = Atom,
        ["http://purl.org/atom/ns#"] = Atom,
        ["http://www.w3.org/1999/xhtml"] = Xhtml,
        ["http://www.w3.org/1999/02/22-rdf-syntax-ns#"] = Rdf,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Conventional prefixes, used only to recover elements whose prefix the document never declared.</summary>
    public static readonly FrozenDictionary<string, string> UriByConventionalPrefix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["xhtml"] = "http://www.w3.org/1999/xhtml",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["xml"] = "http://www.w3.org/XML/1998/namespace",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? RoleOf(XNamespace ns) => RoleByUri.GetValueOrDefault(ns.NamespaceName);
}

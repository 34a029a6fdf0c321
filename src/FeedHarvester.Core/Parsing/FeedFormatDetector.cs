using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>Names the format from the root element, whatever namespace it is in (RSS and Atom have had several).</summary>
internal static class FeedFormatDetector
{
    public const string Rss = "rss";
    public const string Atom = "atom";
    public const string Rdf = "rdf";
    public const string Json = "json";

    public static string? Detect(XElement root) => root.Name.LocalName.ToLowerInvariant() switch
    {
        "rss" => Rss,
        "feed" => Atom,
        "rdf" => Rdf,
        _ => null,
    };
}

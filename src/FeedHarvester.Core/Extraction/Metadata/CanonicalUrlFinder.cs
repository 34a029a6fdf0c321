using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The canonical URL: link rel=canonical, og:url, JSON-LD url; absolute.</summary>
internal static class CanonicalUrlFinder
{
    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, Uri pageUrl) =>
        Find(document.QuerySelector("link[rel~=canonical i][href]")?.GetAttribute("href"), meta, ld, pageUrl);

    /// <summary>As above, with the canonical link's href already found (<see cref="PageScan"/>).</summary>
    public static string? Find(string? link, MetaTags meta, JsonLdArticle? ld, Uri pageUrl)
    {
        return UrlResolver.Absolute(link, pageUrl)
               ?? UrlResolver.Absolute(meta.First("og:url"), pageUrl)
               ?? UrlResolver.Absolute(ld?.Url, pageUrl);
    }
}

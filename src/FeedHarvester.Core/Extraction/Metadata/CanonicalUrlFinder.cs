using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The canonical URL: link rel=canonical, og:url, JSON-LD url; absolute.</summary>
public static class CanonicalUrlFinder
{
    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, Uri pageUrl)
    {
        var link = document.QuerySelector("link[rel~=canonical i][href]")?.GetAttribute("href");
        return UrlResolver.Absolute(link, pageUrl)
               ?? UrlResolver.Absolute(meta.First("og:url"), pageUrl)
               ?? UrlResolver.Absolute(ld?.Url, pageUrl);
    }
}

using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The lead image: og:image, twitter:image, JSON-LD image, then the first figure image; absolute.</summary>
internal static class LeadImageFinder
{
    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld, Uri pageUrl)
    {
        var declared = meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
                       ?? ld?.Image;
        if (UrlResolver.Absolute(declared, pageUrl) is { } url)
        {
            return url;
        }

        var img = document.QuerySelector("figure img[src], article img[src], figure img[data-src]");
        return UrlResolver.Absolute(img?.GetAttribute("src") ?? img?.GetAttribute("data-src"), pageUrl);
    }
}

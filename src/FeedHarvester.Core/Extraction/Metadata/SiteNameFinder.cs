namespace FeedHarvester.Extraction.Metadata;

/// <summary>The site name: og:site_name, JSON-LD publisher name, application-name.</summary>
internal static class SiteNameFinder
{
    public static string? Find(MetaTags meta, JsonLdArticle? ld) =>
        meta.First("og:site_name") ?? ld?.PublisherName ?? meta.First("application-name", "twitter:site");
}

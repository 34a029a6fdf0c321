using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>Counts the page's votes from its declared types (JSON-LD, microdata, og:type) and its landmarks.</summary>
internal static class PageEvidenceReader
{
    public static PageEvidence Read(PageScan scan, MetaTags meta, IReadOnlyCollection<string> declaredTypes)
    {
        int article = 0, spread = 0;
        foreach (var type in declaredTypes.Concat(scan.ItemTypes.Select(LastSegment)))
        {
            if (IsArticleType(type))
            {
                article++;
            }
            else if (PageKindVocabulary.SpreadContentTypes.Contains(type))
            {
                spread++;
            }
        }

        if (meta.First("og:type") is { } ogType)
        {
            article += PageKindVocabulary.ArticleOgTypes.Contains(ogType.Trim()) ? 1 : 0;
            spread += PageKindVocabulary.SpreadOgTypes.Contains(ogType.Trim()) ? 1 : 0;
        }

        spread += scan.ArticleElements >= PageKindVocabulary.ManyArticleElements ? 1 : 0;
        return new PageEvidence(article, spread);
    }

    public static bool IsArticleType(string? name) =>
        name is not null && PageKindVocabulary.ArticleTypeEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>"https://schema.org/Product" → "Product".</summary>
    private static string LastSegment(string itemType)
    {
        var trimmed = itemType.Trim().TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}

using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The author: meta author, JSON-LD author, rel=author, then a byline element; without a leading "By".</summary>
public static class BylineFinder
{
    private const int MaxBylineChars = 120;

    public static string? Find(IDocument document, MetaTags meta, JsonLdArticle? ld)
    {
        var fromMeta = meta.First("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl");
        if (fromMeta is not null && !LooksLikeUrl(fromMeta))
        {
            return Clean(fromMeta);
        }

        if (ld?.Author is { } ldAuthor)
        {
            return Clean(ldAuthor);
        }

        var element = document.QuerySelector("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], .byline, .author, [class*=byline]");
        var text = element?.TextContent;
        return string.IsNullOrWhiteSpace(text) ? null : Clean(text);
    }

    private static bool LooksLikeUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    internal static string? Clean(string value)
    {
        var text = TitleFinder.Collapse(value);
        if (text.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..].TrimStart();
        }

        return text.Length is 0 or > MaxBylineChars ? null : text;
    }
}

namespace FeedHarvester.Extraction;

/// <summary>Pulls the article out of one HTML page.</summary>
public interface IArticleExtractor
{
    /// <summary>
    /// Extracts the article from <paramref name="page"/>. Returns null when the page holds no article
    /// text at all (an empty or boilerplate-only page); never throws for bad HTML.
    /// </summary>
    ExtractedArticle? Extract(HtmlPage page);
}

/// <summary>A page as fetched: raw bytes, the Content-Type header (charset), and the URL it came from.</summary>
public sealed record HtmlPage(ReadOnlyMemory<byte> Body, string? ContentType, Uri Url);

namespace FeedHarvester.Normalization;

/// <summary>Which path produced the body, so consumers can tell page text from a feed's own content.</summary>
/// <param name="Method">"page" (extracted from the article page) or "feed" (the feed's content or summary).</param>
/// <param name="Path">The extractor path ("readability", "relaxed-unlikely", "json-ld", …) or the feed field ("content", "summary", "title").</param>
/// <param name="WordCount">Words in content_text.</param>
/// <param name="FallbackReason">Why the page was not used, with a stable code prefix; null for "page".</param>
public sealed record ExtractionInfo(string Method, string Path, int WordCount, string? FallbackReason = null)
{
    public const string PageMethod = "page";
    public const string FeedMethod = "feed";

    /// <summary>Where <c>published</c> came from: "feed" (the entry's published date), "feed_updated" (its updated
    /// date), the page's "json_ld", "meta", "microdata", "time", "text" or "url", or "none" (no date anywhere: the
    /// fetch time). Null in records written before schema 1.3.</summary>
    public string? PublishedFrom { get; init; }
}

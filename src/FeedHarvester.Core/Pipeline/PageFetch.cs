using FeedHarvester.Extraction;
using FeedHarvester.Normalization;

namespace FeedHarvester.Pipeline;

/// <summary>What fetching an entry's page gave: the page, or why there is none.</summary>
public sealed record PageFetch
{
    private PageFetch(HtmlPage? page, Uri? url, PageFailure? failure)
    {
        Page = page;
        Url = url;
        Failure = failure;
    }

    /// <summary>The page as fetched; null when there is none.</summary>
    public HtmlPage? Page { get; }

    /// <summary>The page URL after redirects, when the fetch got that far.</summary>
    public Uri? Url { get; }

    public PageFailure? Failure { get; }

    public static PageFetch Fetched(HtmlPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page, page.Url, null);
    }

    public static PageFetch Failed(Uri? url, PageFailure failure) => new(null, url, failure);
}

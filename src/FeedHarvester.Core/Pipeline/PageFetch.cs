using FeedHarvester.Extraction;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;

namespace FeedHarvester.Pipeline;

/// <summary>What fetching an entry's page gave: the page, or why there is none.</summary>
public sealed record PageFetch
{
    // The page's bytes, when they were lent in a pooled array: given back by ReleasePage once the page is parsed.
    private readonly PooledBytes? _lease;

    private PageFetch(HtmlPage? page, Uri? url, PageFailure? failure, PooledBytes? lease = null)
    {
        Page = page;
        Url = url;
        Failure = failure;
        _lease = lease;
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

    internal static PageFetch Fetched(HtmlPage page, PooledBytes? lease)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page, page.Url, null, lease);
    }

    /// <summary>
    /// Gives the page's bytes back to the pool: <see cref="Page"/>'s body must not be read afterwards. Only for a
    /// caller done with the page (parsed, or turned away); without a call the collector takes the bytes as usual.
    /// </summary>
    internal void ReleasePage() => _lease?.Dispose();

    public static PageFetch Failed(Uri? url, PageFailure failure) => new(null, url, failure);
}

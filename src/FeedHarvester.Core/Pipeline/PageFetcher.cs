using FeedHarvester.Diagnostics;
using FeedHarvester.Extraction;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;

namespace FeedHarvester.Pipeline;

/// <summary>Fetches an entry's article page, unless pages are not fetched at all or the entry has no usable link.</summary>
public sealed class PageFetcher(HttpFetcher fetcher, FetchingOptions options, HarvestMetrics metrics)
{
    public async Task<PageFetch> FetchAsync(ParsedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!options.FetchArticlePages)
        {
            return PageFetch.Failed(null, PageFailure.Disabled);
        }

        if (entry.Link is null || !Uri.TryCreate(entry.Link, UriKind.Absolute, out var link))
        {
            return PageFetch.Failed(null, PageFailure.NoLink);
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(link, FetchKind.Page) { LendBody = true }, cancellationToken).ConfigureAwait(false);
        metrics.RecordFetch(FetchKind.Page, fetch);
        return fetch.IsContent
            ? PageFetch.Fetched(new HtmlPage(fetch.Body, fetch.ContentType, fetch.FinalUrl ?? link), fetch.BodyLease)
            : PageFetch.Failed(fetch.FinalUrl, PageFailure.NotFetched(fetch));
    }
}

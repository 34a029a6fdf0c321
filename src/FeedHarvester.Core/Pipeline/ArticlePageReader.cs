using FeedHarvester.Diagnostics;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>What reading an entry's page gave: the article, or why there is none.</summary>
public sealed record PageReading(ExtractedArticle? Article, Uri? Url, PageFailure? Failure);

/// <summary>Fetches an entry's page and extracts the article; every failure becomes a reason, never a lost entry.</summary>
public sealed class ArticlePageReader(
    HttpFetcher fetcher,
    IArticleExtractor extractor,
    FetchingOptions options,
    ILogger<ArticlePageReader> logger,
    HarvestMetrics? metrics = null,
    SchedulingOptions? scheduling = null)
{
    // Optional so the DI registration stays as it is (see HarvestMetrics).
    private readonly HarvestMetrics metrics = metrics ?? HarvestMetrics.Shared;

    // Extraction is the CPU-bound stage: more of it at once than there are cores only adds context switches, and
    // would tie up the thread pool threads that complete the fetches. Shared by every feed polled at once.
    private readonly SemaphoreSlim extractionSlots = NewSlots(scheduling?.MaxConcurrentExtractions ?? 0);

    public async Task<PageReading> ReadAsync(ParsedEntry entry, CancellationToken cancellationToken)
    {
        if (!options.FetchArticlePages)
        {
            return new PageReading(null, null, PageFailure.Disabled);
        }

        if (entry.Link is null || !Uri.TryCreate(entry.Link, UriKind.Absolute, out var link))
        {
            return new PageReading(null, null, PageFailure.NoLink);
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(link, FetchKind.Page), cancellationToken).ConfigureAwait(false);
        metrics.RecordFetch(FetchKind.Page, fetch);
        if (!fetch.IsContent)
        {
            return new PageReading(null, fetch.FinalUrl, PageFailure.NotFetched(fetch));
        }

        var pageUrl = fetch.FinalUrl ?? link;
        if (!IsHtml(fetch.ContentType))
        {
            return new PageReading(null, pageUrl, PageFailure.NotHtml(fetch.ContentType));
        }

        await extractionSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var timer = StageTimer.StartSynchronous();
        try
        {
            var outcome = extractor.TryExtract(new HtmlPage(fetch.Body, fetch.ContentType, pageUrl), cancellationToken);
            metrics.RecordExtraction(timer.Wall, outcome.Article?.Path ?? (outcome.IsRefusal ? MetricTags.RefusedPath : MetricTags.NoArticlePath));
            if (outcome.IsRefusal)
            {
                // A hostile or absurd page: one line, and the article goes on with the feed's content.
                ExtractionLog.PageRefused(logger, pageUrl, outcome.Reason!);
            }

            return new PageReading(outcome.Article, pageUrl, PageFailure.NotExtracted(outcome));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.RecordExtraction(timer.Wall, MetricTags.ErrorPath);
            Log.ExtractorCrashed(logger, pageUrl.AbsoluteUri, ex);
            return new PageReading(null, pageUrl, PageFailure.ExtractorCrashed(ex));
        }
        finally
        {
            metrics.RecordStage(HarvestStage.Extract, timer);
            _ = extractionSlots.Release();
        }
    }

    private static SemaphoreSlim NewSlots(int configured)
    {
        var slots = configured > 0 ? configured : Environment.ProcessorCount;
        return new SemaphoreSlim(slots, slots);
    }

    private static bool IsHtml(string? contentType) =>
        contentType is null
        || contentType.Contains("html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
}

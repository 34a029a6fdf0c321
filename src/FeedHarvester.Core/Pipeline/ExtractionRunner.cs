using FeedHarvester.Diagnostics;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Runs the extractor on a fetched page: timed, a bounded number at once on threads of their own (see
/// <see cref="ExtractionThreads"/>), a refused page logged, and a crash of the extractor turned into a page failure,
/// so the entry goes on with the feed's content instead of being lost.
/// </summary>
public sealed class ExtractionRunner(IArticleExtractor extractor, SchedulingOptions scheduling, ILogger<ExtractionRunner> logger, HarvestMetrics metrics) : IDisposable
{
    // Extraction is the CPU-bound stage: more of it at once than there are cores only adds context switches, and
    // would tie up the thread pool threads that complete the fetches. Shared by every feed polled at once.
    private readonly ExtractionThreads _threads = new(SlotCount(scheduling.MaxConcurrentExtractions));

    public Task<PageReading> ExtractAsync(HtmlPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return _threads.RunAsync(() => Extract(page, cancellationToken), cancellationToken);
    }

    public void Dispose() => _threads.Dispose();

    private PageReading Extract(HtmlPage page, CancellationToken cancellationToken)
    {
        var timer = StageTimer.StartSynchronous();
        try
        {
            var outcome = extractor.TryExtract(page, cancellationToken);
            metrics.RecordExtraction(timer.Wall, outcome.Article?.Path ?? (outcome.IsRefusal ? MetricTags.RefusedPath : MetricTags.NoArticlePath));
            var failure = PageFailure.NotExtracted(outcome);
            if (outcome.IsRefusal && failure is not null)
            {
                // A hostile or absurd page: one line, and the article goes on with the feed's content.
                ExtractionLog.PageRefused(logger, page.Url, failure.ToString());
            }

            return new PageReading(outcome.Article, page.Url, failure, outcome.Metadata);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.RecordExtraction(timer.Wall, MetricTags.ErrorPath);
            Log.ExtractorCrashed(logger, page.Url.AbsoluteUri, ex);
            return new PageReading(null, page.Url, PageFailure.ExtractorCrashed(ex));
        }
        finally
        {
            metrics.RecordStage(HarvestStage.Extract, timer);
        }
    }

    private static int SlotCount(int configured) => configured > 0 ? configured : Environment.ProcessorCount;
}

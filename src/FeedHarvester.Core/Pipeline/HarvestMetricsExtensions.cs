using System.Globalization;
using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;

namespace FeedHarvester.Pipeline;

/// <summary>
/// The pipeline's values recorded as metrics: where polls, fetches and feed states become tag values, so
/// <see cref="HarvestMetrics"/> knows no pipeline type.
/// </summary>
internal static class HarvestMetricsExtensions
{
    /// <summary>One finished poll: its outcome and what became of its entries.</summary>
    public static void RecordPoll(this HarvestMetrics metrics, PollReport report)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(report);
        metrics.RecordPoll(report.Outcome.Code, new ArticleCounts(
            report.NewArticles, report.Duplicates, report.Rejected, report.FromFeedContent, report.LinkedCopies, report.DroppedCopies));
    }

    /// <summary>One fetch, of a feed or a page: its duration and, when a response came, its status code.</summary>
    public static void RecordFetch(this HarvestMetrics metrics, FetchKind kind, FetchResult fetch)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(fetch);
        var code = fetch.StatusCode is { } status ? (int)status : (int?)null;
        metrics.RecordFetch(kind == FetchKind.Feed ? HarvestStage.FeedFetch : HarvestStage.PageFetch, fetch.Elapsed, StatusOf(fetch), code);
    }

    /// <summary>A feed's state after a poll: the feeds gauge counts the latest state of each feed.</summary>
    public static void RecordFeedState(this HarvestMetrics metrics, FeedState state)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(state);
        metrics.RecordFeedState(state.FeedUrl, FeedCondition.LabelOf(state));
        metrics.RecordLastSuccess(state.FeedUrl, state.LastSuccessAt);
    }

    // A status code when a response came, else the failure kind (Timeout, NetworkError…), so every fetch has one value.
    private static string StatusOf(FetchResult fetch) =>
        fetch.StatusCode is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture)
        : fetch.TryGetFailure(out var failure) ? failure.Kind.ToString() : fetch.Status.ToString();
}

namespace FeedHarvester.Diagnostics;

/// <summary>
/// The meter and every instrument name in one place, so dashboards, alerts and tests read the same strings.
/// Names follow OpenTelemetry conventions (dotted, unit kept out of the name); the Prometheus exposition turns
/// <c>feedharvester.polls</c> into <c>feedharvester_polls_total</c> and <c>feedharvester.fetch.duration</c> (unit s)
/// into <c>feedharvester_fetch_duration_seconds</c>.
/// </summary>
public static class MetricNames
{
    public const string Meter = "FeedHarvester";

    /// <summary>Counter of finished polls; tag <see cref="MetricTags.Outcome"/> (a <c>PollOutcome</c> code or a fetch failure kind).</summary>
    public const string Polls = "feedharvester.polls";

    /// <summary>Histogram of fetch durations in seconds; tags <see cref="MetricTags.Kind"/> and <see cref="MetricTags.Status"/>.</summary>
    public const string FetchDuration = "feedharvester.fetch.duration";

    /// <summary>Counter of HTTP responses received; tags <see cref="MetricTags.Kind"/> and <see cref="MetricTags.StatusCode"/>.</summary>
    public const string HttpResponses = "feedharvester.http.responses";

    /// <summary>Counter of new articles claimed for emission (from the page or from the feed's own content).</summary>
    public const string ArticlesEmitted = "feedharvester.articles.emitted";

    /// <summary>Counter of entries recognised as already seen.</summary>
    public const string ArticlesDuplicate = "feedharvester.articles.duplicate";

    /// <summary>Counter of entries refused by policy (private address, page too large): not emitted.</summary>
    public const string ArticlesRejected = "feedharvester.articles.rejected";

    /// <summary>Counter of new articles whose body came from the feed because the page failed (a subset of emitted).</summary>
    public const string ArticlesFromFeed = "feedharvester.articles.from_feed";

    /// <summary>Counter of near-copies of an earlier story, tagged action=linked (emitted with the link) or dropped.</summary>
    public const string ArticlesNearCopy = "feedharvester.articles.near_copy";

    /// <summary>Histogram of extraction durations in seconds; tag <see cref="MetricTags.Path"/>.</summary>
    public const string ExtractionDuration = "feedharvester.extraction.duration";

    /// <summary>Observable gauge of feeds by state; tag <see cref="MetricTags.State"/> (active, failing, broken, gone).</summary>
    public const string Feeds = "feedharvester.feeds";

    /// <summary>Histogram of sink round durations in seconds (one <c>EmitPendingAsync</c> call).</summary>
    public const string SinkDuration = "feedharvester.sink.duration";

    /// <summary>Histogram of the wall time of one stage call in seconds; tag <see cref="MetricTags.Stage"/> (feed_fetch, parse, seen_check, page_fetch, extract, normalize, claim, emit).</summary>
    public const string StageDuration = "feedharvester.stage.duration";

    /// <summary>Counter of thread CPU seconds spent in the synchronous stages (parse, extract, normalize); tag <see cref="MetricTags.Stage"/>.</summary>
    public const string StageCpuTime = "feedharvester.stage.cpu_time";

    /// <summary>Observable gauge, per feed (tag <see cref="MetricTags.FeedUrl"/>), of the seconds since its last successful poll; feeds that never succeeded are absent.</summary>
    public const string FeedStaleness = "feedharvester.feed.staleness";

    /// <summary>Counter of sink rounds that could not write; tag <see cref="MetricTags.Kind"/> (an <c>EmitFailureKind</c>).</summary>
    public const string SinkErrors = "feedharvester.sink.errors";

    /// <summary>Gauge that is always 1, tagged with the running build's <see cref="MetricTags.Version"/>.</summary>
    public const string BuildInfo = "feedharvester.build.info";
}

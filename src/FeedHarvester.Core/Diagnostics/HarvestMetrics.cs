using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace FeedHarvester.Diagnostics;

/// <summary>
/// The harvester's instruments (System.Diagnostics.Metrics, meter <see cref="MetricNames.Meter"/>). Recording costs
/// next to nothing while no listener (OpenTelemetry, dotnet-counters, a test's MeterListener) is attached.
/// </summary>
/// <remarks>
/// A required dependency of every class that records: the host registers one instance (made from its
/// <see cref="IMeterFactory"/>), and tests use an isolated one.
/// </remarks>
public sealed class HarvestMetrics : IDisposable
{
    // Seconds, from a fast page (5 ms) to the 30 s default request timeout; the SDK's default buckets assume milliseconds.
    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    // Stage calls range from a tenth of a millisecond (a normalize, a claim) to the 30 s request timeout.
    private static readonly InstrumentAdvice<double> StageBuckets = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    private readonly bool ownsMeter;

    private readonly Counter<long> polls;
    private readonly Histogram<double> fetchDuration;
    private readonly Counter<long> httpResponses;
    private readonly Counter<long> articlesEmitted;
    private readonly Counter<long> articlesDuplicate;
    private readonly Counter<long> articlesRejected;
    private readonly Counter<long> articlesFromFeed;
    private readonly Counter<long> articlesNearCopy;
    private readonly Histogram<double> extractionDuration;
    private readonly Histogram<double> sinkDuration;
    private readonly Histogram<double> stageDuration;
    private readonly Counter<double> stageCpuTime;

    // The last known state of every feed polled since start: the gauge reports counts of it on each collection.
    private readonly ConcurrentDictionary<string, string> feedStates = new(StringComparer.Ordinal);

    /// <param name="meterFactory">The host's meter factory; null creates a free-standing meter (tools, tests).</param>
    public HarvestMetrics(IMeterFactory? meterFactory = null)
    {
        // A factory's meter belongs to the factory (disposed with the host); only a meter made here is disposed here.
        ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(new MeterOptions(MetricNames.Meter)) ?? new Meter(MetricNames.Meter);
        polls = Meter.CreateCounter<long>(MetricNames.Polls, "{poll}", "Finished polls by outcome code");
        fetchDuration = Meter.CreateHistogram<double>(MetricNames.FetchDuration, "s", "Time to fetch a feed or page, redirects and body included", tags: null, advice: SecondsBuckets);
        httpResponses = Meter.CreateCounter<long>(MetricNames.HttpResponses, "{response}", "HTTP responses by status code");
        articlesEmitted = Meter.CreateCounter<long>(MetricNames.ArticlesEmitted, "{article}", "New articles claimed for emission");
        articlesDuplicate = Meter.CreateCounter<long>(MetricNames.ArticlesDuplicate, "{article}", "Entries already seen");
        articlesRejected = Meter.CreateCounter<long>(MetricNames.ArticlesRejected, "{article}", "Entries refused by policy and not emitted");
        articlesFromFeed = Meter.CreateCounter<long>(MetricNames.ArticlesFromFeed, "{article}", "New articles whose body came from the feed");
        articlesNearCopy = Meter.CreateCounter<long>(MetricNames.ArticlesNearCopy, "{article}", "Near-copies of an earlier story, linked or dropped");
        extractionDuration = Meter.CreateHistogram<double>(MetricNames.ExtractionDuration, "s", "Time to extract an article from its page, by extraction path", tags: null, advice: SecondsBuckets);
        sinkDuration = Meter.CreateHistogram<double>(MetricNames.SinkDuration, "s", "Time of one sink round writing queued articles out", tags: null, advice: SecondsBuckets);
        stageDuration = Meter.CreateHistogram<double>(MetricNames.StageDuration, "s", "Wall time of one call of a pipeline stage, by stage", tags: null, advice: StageBuckets);
        stageCpuTime = Meter.CreateCounter<double>(MetricNames.StageCpuTime, "s", "Thread CPU time spent in the synchronous pipeline stages (parse, extract, normalize), by stage");
        _ = Meter.CreateObservableGauge(MetricNames.Feeds, ObserveFeedStates, "{feed}", "Feeds polled since start, by state");
    }

    /// <summary>The meter the instruments belong to (tests filter their MeterListener on it).</summary>
    public Meter Meter { get; }

    /// <summary>Per-stage totals since this instance was made, kept whether or not a listener is attached (the <c>--once</c> summary reads them).</summary>
    public StageTotals Stages { get; } = new();

    /// <summary>One finished poll: its outcome code and what became of its entries.</summary>
    public void RecordPoll(string outcome, ArticleCounts articles)
    {
        polls.Add(1, new KeyValuePair<string, object?>(MetricTags.Outcome, outcome));
        AddIfAny(articlesEmitted, articles.Emitted);
        AddIfAny(articlesDuplicate, articles.Duplicates);
        AddIfAny(articlesRejected, articles.Rejected);
        AddIfAny(articlesFromFeed, articles.FromFeed);
        if (articles.LinkedCopies > 0)
        {
            articlesNearCopy.Add(articles.LinkedCopies, new KeyValuePair<string, object?>(MetricTags.Action, "linked"));
        }

        if (articles.DroppedCopies > 0)
        {
            articlesNearCopy.Add(articles.DroppedCopies, new KeyValuePair<string, object?>(MetricTags.Action, "dropped"));
        }
    }

    /// <summary>One fetch, of a feed or a page: its duration, its status (a status code, else how it failed) and, when a response came, its status code.</summary>
    /// <param name="stage"><see cref="HarvestStage.FeedFetch"/> or <see cref="HarvestStage.PageFetch"/>.</param>
    public void RecordFetch(HarvestStage stage, TimeSpan elapsed, string status, int? statusCode)
    {
        var kind = stage switch
        {
            HarvestStage.FeedFetch => "feed",
            HarvestStage.PageFetch => "page",
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "a fetch is of a feed or of a page"),
        };
        RecordStage(stage, elapsed, null);
        var kindTag = new KeyValuePair<string, object?>(MetricTags.Kind, kind);
        fetchDuration.Record(elapsed.TotalSeconds, kindTag, new KeyValuePair<string, object?>(MetricTags.Status, status));
        if (statusCode is { } code)
        {
            httpResponses.Add(1, kindTag, new KeyValuePair<string, object?>(MetricTags.StatusCode, code.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>One extraction attempt: how long it took and which path produced the body (see <see cref="MetricTags"/> for none/error).</summary>
    public void RecordExtraction(TimeSpan elapsed, string path) =>
        extractionDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(MetricTags.Path, path));

    /// <summary>One sink round (also the emit stage's time).</summary>
    public void RecordSinkRound(TimeSpan elapsed)
    {
        sinkDuration.Record(elapsed.TotalSeconds);
        RecordStage(HarvestStage.Emit, elapsed, null);
    }

    /// <summary>One call of a stage: its wall time and, for a synchronous stage, the thread CPU time it took.</summary>
    public void RecordStage(HarvestStage stage, TimeSpan wall, TimeSpan? cpu)
    {
        Stages.Add(stage, wall, cpu);
        var tag = new KeyValuePair<string, object?>(MetricTags.Stage, StageNames.Name(stage));
        stageDuration.Record(wall.TotalSeconds, tag);
        if (cpu is { } spent)
        {
            stageCpuTime.Add(spent.TotalSeconds, tag);
        }
    }

    /// <summary>Ends <paramref name="timer"/> as one call of <paramref name="stage"/>.</summary>
    public void RecordStage(HarvestStage stage, in StageTimer timer) => RecordStage(stage, timer.Wall, timer.Cpu);

    /// <summary>A feed's state after a poll, as one of the <see cref="FeedStateLabel"/> words: the feeds gauge counts the latest of each feed.</summary>
    public void RecordFeedState(string feedUrl, string label) => feedStates[feedUrl] = label;

    /// <summary>Starts a timer for <see cref="RecordExtraction"/> or <see cref="RecordSinkRound"/>; monotonic, so no TimeProvider.</summary>
    public static long StartTimer() => Stopwatch.GetTimestamp();

    public void Dispose()
    {
        if (ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private static void AddIfAny(Counter<long> counter, int value)
    {
        if (value > 0)
        {
            counter.Add(value);
        }
    }

    private IEnumerable<Measurement<int>> ObserveFeedStates()
    {
        // Every state is reported, zeros included, so a series does not vanish when its last feed leaves it; but nothing
        // before the first poll, so an idle second instance in the process cannot overwrite the live one's values.
        if (feedStates.IsEmpty)
        {
            return [];
        }

        var counts = feedStates.Values.CountBy(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return FeedStateLabel.All.Select(s => new Measurement<int>(counts.GetValueOrDefault(s), new KeyValuePair<string, object?>(MetricTags.State, s)));
    }
}

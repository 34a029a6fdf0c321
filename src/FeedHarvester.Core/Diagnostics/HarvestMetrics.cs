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

    private readonly bool _ownsMeter;

    private readonly Counter<long> _polls;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _httpResponses;
    private readonly Counter<long> _articlesEmitted;
    private readonly Counter<long> _articlesDuplicate;
    private readonly Counter<long> _articlesRejected;
    private readonly Counter<long> _articlesFromFeed;
    private readonly Counter<long> _articlesNearCopy;
    private readonly Histogram<double> _extractionDuration;
    private readonly Histogram<double> _sinkDuration;
    private readonly Histogram<double> _stageDuration;
    private readonly Counter<double> _stageCpuTime;
    private readonly Counter<long> _sinkErrors;
    private readonly TimeProvider _clock;

    // The last successful poll of every feed polled since start, for the staleness gauge.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSuccess = new(StringComparer.Ordinal);

    // The last known state of every feed polled since start: the gauge reports counts of it on each collection.
    private readonly ConcurrentDictionary<string, string> _feedStates = new(StringComparer.Ordinal);

    /// <param name="meterFactory">The host's meter factory; null creates a free-standing meter (tools, tests).</param>
    /// <param name="timeProvider">The clock staleness is measured by; the system clock when null.</param>
    public HarvestMetrics(IMeterFactory? meterFactory = null, TimeProvider? timeProvider = null)
    {
        _clock = timeProvider ?? TimeProvider.System;
        // A factory's meter belongs to the factory (disposed with the host); only a meter made here is disposed here.
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(new MeterOptions(MetricNames.Meter)) ?? new Meter(MetricNames.Meter);
        _polls = Meter.CreateCounter<long>(MetricNames.Polls, "{poll}", "Finished polls by outcome code");
        _fetchDuration = Meter.CreateHistogram<double>(MetricNames.FetchDuration, "s", "Time to fetch a feed or page, redirects and body included", tags: null, advice: SecondsBuckets);
        _httpResponses = Meter.CreateCounter<long>(MetricNames.HttpResponses, "{response}", "HTTP responses by status code");
        _articlesEmitted = Meter.CreateCounter<long>(MetricNames.ArticlesEmitted, "{article}", "New articles claimed for emission");
        _articlesDuplicate = Meter.CreateCounter<long>(MetricNames.ArticlesDuplicate, "{article}", "Entries already seen");
        _articlesRejected = Meter.CreateCounter<long>(MetricNames.ArticlesRejected, "{article}", "Entries refused by policy and not emitted");
        _articlesFromFeed = Meter.CreateCounter<long>(MetricNames.ArticlesFromFeed, "{article}", "New articles whose body came from the feed");
        _articlesNearCopy = Meter.CreateCounter<long>(MetricNames.ArticlesNearCopy, "{article}", "Near-copies of an earlier story, linked or dropped");
        _extractionDuration = Meter.CreateHistogram<double>(MetricNames.ExtractionDuration, "s", "Time to extract an article from its page, by extraction path", tags: null, advice: SecondsBuckets);
        _sinkDuration = Meter.CreateHistogram<double>(MetricNames.SinkDuration, "s", "Time of one sink round writing queued articles out", tags: null, advice: SecondsBuckets);
        _stageDuration = Meter.CreateHistogram<double>(MetricNames.StageDuration, "s", "Wall time of one call of a pipeline stage, by stage", tags: null, advice: StageBuckets);
        _stageCpuTime = Meter.CreateCounter<double>(MetricNames.StageCpuTime, "s", "Thread CPU time spent in the synchronous pipeline stages (parse, extract, normalize), by stage");
        _ = Meter.CreateObservableGauge(MetricNames.Feeds, ObserveFeedStates, "{feed}", "Feeds polled since start, by state");
        _sinkErrors = Meter.CreateCounter<long>(MetricNames.SinkErrors, "{round}", "Sink rounds that could not write, by failure kind");
        _ = Meter.CreateObservableGauge(MetricNames.FeedStaleness, ObserveStaleness, "s", "Seconds since each feed's last successful poll");
        _ = Meter.CreateObservableGauge(MetricNames.BuildInfo, ObserveBuild, null, "Always 1; the version tag names the running build");
    }

    /// <summary>The running build's version (the informational version, without source-control metadata).</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The meter the instruments belong to (tests filter their MeterListener on it).</summary>
    public Meter Meter { get; }

    /// <summary>Per-stage totals since this instance was made, kept whether or not a listener is attached (the <c>--once</c> summary reads them).</summary>
    public StageTotals Stages { get; } = new();

    /// <summary>One finished poll: its outcome code and what became of its entries.</summary>
    public void RecordPoll(string outcome, ArticleCounts articles)
    {
        _polls.Add(1, new KeyValuePair<string, object?>(MetricTags.Outcome, outcome));
        AddIfAny(_articlesEmitted, articles.Emitted);
        AddIfAny(_articlesDuplicate, articles.Duplicates);
        AddIfAny(_articlesRejected, articles.Rejected);
        AddIfAny(_articlesFromFeed, articles.FromFeed);
        if (articles.LinkedCopies > 0)
        {
            _articlesNearCopy.Add(articles.LinkedCopies, new KeyValuePair<string, object?>(MetricTags.Action, "linked"));
        }

        if (articles.DroppedCopies > 0)
        {
            _articlesNearCopy.Add(articles.DroppedCopies, new KeyValuePair<string, object?>(MetricTags.Action, "dropped"));
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
        _fetchDuration.Record(elapsed.TotalSeconds, kindTag, new KeyValuePair<string, object?>(MetricTags.Status, status));
        if (statusCode is { } code)
        {
            _httpResponses.Add(1, kindTag, new KeyValuePair<string, object?>(MetricTags.StatusCode, code.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>One extraction attempt: how long it took and which path produced the body (see <see cref="MetricTags"/> for none/error).</summary>
    public void RecordExtraction(TimeSpan elapsed, string path) =>
        _extractionDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(MetricTags.Path, path));

    /// <summary>One sink round (also the emit stage's time).</summary>
    public void RecordSinkRound(TimeSpan elapsed)
    {
        _sinkDuration.Record(elapsed.TotalSeconds);
        RecordStage(HarvestStage.Emit, elapsed, null);
    }

    /// <summary>One call of a stage: its wall time and, for a synchronous stage, the thread CPU time it took.</summary>
    public void RecordStage(HarvestStage stage, TimeSpan wall, TimeSpan? cpu)
    {
        Stages.Add(stage, wall, cpu);
        var tag = new KeyValuePair<string, object?>(MetricTags.Stage, StageNames.Name(stage));
        _stageDuration.Record(wall.TotalSeconds, tag);
        if (cpu is { } spent)
        {
            _stageCpuTime.Add(spent.TotalSeconds, tag);
        }
    }

    /// <summary>Ends <paramref name="timer"/> as one call of <paramref name="stage"/>.</summary>
    public void RecordStage(HarvestStage stage, in StageTimer timer) => RecordStage(stage, timer.Wall, timer.Cpu);

    /// <summary>A feed's state after a poll, as one of the <see cref="FeedStateLabel"/> words: the feeds gauge counts the latest of each feed.</summary>
    public void RecordFeedState(string feedUrl, string label) => _feedStates[feedUrl] = label;

    /// <summary>When a feed last polled successfully (from its stored state), for the staleness gauge.</summary>
    public void RecordLastSuccess(string feedUrl, DateTimeOffset? lastSuccess)
    {
        if (lastSuccess is { } at)
        {
            _lastSuccess[feedUrl] = at;
        }
    }

    /// <summary>One sink round that could not write, by its failure kind.</summary>
    public void RecordSinkError(string kind) => _sinkErrors.Add(1, new KeyValuePair<string, object?>(MetricTags.Kind, kind));

    /// <summary>A feed left the feed list (or was disabled): it no longer counts in the feeds gauge or has a staleness.</summary>
    public void ForgetFeed(string feedUrl)
    {
        _ = _feedStates.TryRemove(feedUrl, out _);
        _ = _lastSuccess.TryRemove(feedUrl, out _);
    }

    /// <summary>Starts a timer for <see cref="RecordExtraction"/> or <see cref="RecordSinkRound"/>; monotonic, so no TimeProvider.</summary>
    public static long StartTimer() => Stopwatch.GetTimestamp();

    public void Dispose()
    {
        if (_ownsMeter)
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

    private IEnumerable<Measurement<double>> ObserveStaleness()
    {
        var now = _clock.GetUtcNow();
        return _lastSuccess.Select(p => new Measurement<double>(
            Math.Max(0, (now - p.Value).TotalSeconds), new KeyValuePair<string, object?>(MetricTags.FeedUrl, p.Key)));
    }

    private static IEnumerable<Measurement<int>> ObserveBuild() =>
        [new Measurement<int>(1, new KeyValuePair<string, object?>(MetricTags.Version, Version))];

    private static string ReadVersion()
    {
        var assembly = typeof(HarvestMetrics).Assembly;
        var informational = System.Reflection.CustomAttributeExtensions
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown";
    }

    private IEnumerable<Measurement<int>> ObserveFeedStates()
    {
        // Every state is reported, zeros included, so a series does not vanish when its last feed leaves it; but nothing
        // before the first poll, so an idle second instance in the process cannot overwrite the live one's values.
        if (_feedStates.IsEmpty)
        {
            return [];
        }

        var counts = _feedStates.Values.CountBy(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return FeedStateLabel.All.Select(s => new Measurement<int>(counts.GetValueOrDefault(s), new KeyValuePair<string, object?>(MetricTags.State, s)));
    }
}

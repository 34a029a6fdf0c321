using System.Diagnostics.Metrics;
using System.Net;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Diagnostics;

public sealed class HarvestMetricsTests : IDisposable
{
    private readonly HarvestMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public HarvestMetricsTests()
    {
        // Only this instance's meter: other tests in the process record into the shared one.
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == _metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public void RecordPoll_OkWithArticles_CountsPollByOutcomeAndEachArticleCounter()
    {
        _metrics.RecordPoll(new PollReport("https://a.example/feed", PollOutcome.Ok, null, 10, 4, 5, 1, null, TimeSpan.Zero) { Rejected = 1 });

        Assert.Equal(PollOutcome.Ok.Code, Assert.Single(Of(MetricNames.Polls)).Tags[MetricTags.Outcome]);
        Assert.Equal(4, Total(MetricNames.ArticlesEmitted));
        Assert.Equal(5, Total(MetricNames.ArticlesDuplicate));
        Assert.Equal(1, Total(MetricNames.ArticlesRejected));
        Assert.Equal(1, Total(MetricNames.ArticlesFromFeed));
    }

    [Fact]
    public void RecordFetch_ResponseAndFailure_DurationTaggedByKindAndStatusAndStatusCodeCounted()
    {
        var url = new Uri("https://a.example/feed");
        _metrics.RecordFetch(FetchKind.Feed, new FetchResult { Status = FetchStatus.NotModified, RequestedUrl = url, StatusCode = HttpStatusCode.NotModified, Elapsed = TimeSpan.FromMilliseconds(250) });
        _metrics.RecordFetch(FetchKind.Page, FetchResult.Failed(url, FetchFailureKind.Timeout, "timed out") with { Elapsed = TimeSpan.FromSeconds(30) });

        var durations = Of(MetricNames.FetchDuration);
        Assert.Equal(2, durations.Count);
        Assert.Equal((0.25, "feed", "304"), (durations[0].Value, durations[0].Tags[MetricTags.Kind], durations[0].Tags[MetricTags.Status]));
        Assert.Equal((30.0, "page", "Timeout"), (durations[1].Value, durations[1].Tags[MetricTags.Kind], durations[1].Tags[MetricTags.Status]));
        Assert.Equal("304", Assert.Single(Of(MetricNames.HttpResponses)).Tags[MetricTags.StatusCode]);
    }

    [Fact]
    public void RecordExtraction_TagsPath()
    {
        _metrics.RecordExtraction(TimeSpan.FromMilliseconds(20), "readability");

        var measurement = Assert.Single(Of(MetricNames.ExtractionDuration));
        Assert.Equal((0.02, "readability"), (measurement.Value, measurement.Tags[MetricTags.Path]));
    }

    [Fact]
    public void FeedsGauge_LatestStatePerFeed_CountedByLabel()
    {
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://a.example/feed" });
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://b.example/feed", ConsecutiveErrors = 1 });
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://c.example/feed", Status = FeedStatus.Gone });
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://b.example/feed" });

        _listener.RecordObservableInstruments();

        var byState = Of(MetricNames.Feeds).ToDictionary(m => (string)m.Tags[MetricTags.State]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["active"] = 2, ["failing"] = 0, ["broken"] = 0, ["gone"] = 1 }, byState);
    }

    [Fact]
    public void FeedsGauge_FeedForgotten_NoLongerCounted()
    {
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://a.example/feed" });
        _metrics.RecordFeedState(new FeedState { FeedUrl = "https://b.example/feed" });

        _metrics.ForgetFeed("https://b.example/feed");
        _listener.RecordObservableInstruments();

        var byState = Of(MetricNames.Feeds).ToDictionary(m => (string)m.Tags[MetricTags.State]!, m => m.Value);
        Assert.Equal(1, byState["active"]);
    }

    [Fact]
    public async Task TimedArticleSink_EachRound_RecordsSinkDuration()
    {
        var sink = new TimedArticleSink(new CountingSink(), _metrics);

        _ = await sink.EmitPendingAsync(CancellationToken.None);
        _ = await sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal(2, Of(MetricNames.SinkDuration).Count);
    }

    [Fact]
    public async Task TimedArticleSink_EachRound_CountsAsOneEmitStageCall()
    {
        var sink = new TimedArticleSink(new CountingSink(), _metrics);

        _ = await sink.EmitPendingAsync(CancellationToken.None);

        Assert.Equal("emit", Assert.Single(Of(MetricNames.StageDuration)).Tags[MetricTags.Stage]);
        Assert.Equal(1, _metrics.Stages.Snapshot().Single(s => s.Stage == HarvestStage.Emit).Calls);
    }

    [Fact]
    public void RecordStage_WithCpu_RecordsWallHistogramAndCpuCounterTaggedByStageAndAddsToTotals()
    {
        _metrics.RecordStage(HarvestStage.Extract, TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(6));

        var wall = Assert.Single(Of(MetricNames.StageDuration));
        var cpu = Assert.Single(Of(MetricNames.StageCpuTime));
        Assert.Equal((0.008, "extract"), (wall.Value, wall.Tags[MetricTags.Stage]));
        Assert.Equal((0.006, "extract"), (cpu.Value, cpu.Tags[MetricTags.Stage]));
        var total = _metrics.Stages.Snapshot().Single(s => s.Stage == HarvestStage.Extract);
        Assert.Equal((1L, TimeSpan.FromMilliseconds(8), (TimeSpan?)TimeSpan.FromMilliseconds(6)), (total.Calls, total.Wall, total.Cpu));
    }

    [Fact]
    public void RecordStage_WithoutCpu_RecordsNoCpuTime()
    {
        _metrics.RecordStage(HarvestStage.Claim, TimeSpan.FromMilliseconds(2), null);

        Assert.Equal("claim", Assert.Single(Of(MetricNames.StageDuration)).Tags[MetricTags.Stage]);
        Assert.Empty(Of(MetricNames.StageCpuTime));
        Assert.Null(_metrics.Stages.Snapshot().Single(s => s.Stage == HarvestStage.Claim).Cpu);
    }

    [Fact]
    public void RecordFetch_FeedAndPage_TimedAsFeedFetchAndPageFetchStages()
    {
        var url = new Uri("https://a.example/feed");
        _metrics.RecordFetch(FetchKind.Feed, FetchResult.Failed(url, FetchFailureKind.Timeout, "timed out") with { Elapsed = TimeSpan.FromSeconds(1) });
        _metrics.RecordFetch(FetchKind.Page, FetchResult.Failed(url, FetchFailureKind.Timeout, "timed out") with { Elapsed = TimeSpan.FromSeconds(2) });

        Assert.Equal(
            [("feed_fetch", 1.0), ("page_fetch", 2.0)],
            Of(MetricNames.StageDuration).Select(m => ((string)m.Tags[MetricTags.Stage]!, m.Value)).ToArray());
    }

    [Fact]
    public void MetricNames_AreDistinctAndUnderTheMeterPrefix()
    {
        string[] names = [MetricNames.Polls, MetricNames.FetchDuration, MetricNames.HttpResponses, MetricNames.ArticlesEmitted, MetricNames.ArticlesDuplicate,
            MetricNames.ArticlesRejected, MetricNames.ArticlesFromFeed, MetricNames.ExtractionDuration, MetricNames.Feeds, MetricNames.SinkDuration,
            MetricNames.StageDuration, MetricNames.StageCpuTime];

        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("feedharvester.", n, StringComparison.Ordinal));
        Assert.Equal(MetricNames.Meter, _metrics.Meter.Name);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string name) =>
        _measurements.Where(m => m.Instrument == name).ToList();

    private double Total(string name) => Of(name).Sum(m => m.Value);

    [Fact]
    public async Task TimedArticleSink_RoundThatCannotWrite_CountedBySinkErrorKind()
    {
        var sink = new TimedArticleSink(new FailingSink(), _metrics);

        _ = await sink.EmitPendingAsync(CancellationToken.None);
        _ = await sink.EmitPendingAsync(CancellationToken.None);

        var errors = Of(MetricNames.SinkErrors);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, m => Assert.Equal("OutputNotWritable", m.Tags[MetricTags.Kind]));
    }

    [Fact]
    public void StalenessGauge_SecondsSinceEachFeedsLastSuccess_ForgottenFeedAbsent()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var metrics = new HarvestMetrics(null, time);
        using var listener = new MeterListener();
        var seen = new Dictionary<string, double>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == MetricNames.FeedStaleness)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => seen[(string)tags.ToArray().Single(t => t.Key == MetricTags.FeedUrl).Value!] = value);
        listener.Start();
        metrics.RecordFeedState(new FeedState { FeedUrl = "https://a.example/feed", LastSuccessAt = time.GetUtcNow().AddMinutes(-5) });
        metrics.RecordFeedState(new FeedState { FeedUrl = "https://b.example/feed", LastSuccessAt = time.GetUtcNow() });
        metrics.RecordFeedState(new FeedState { FeedUrl = "https://never.example/feed" });
        metrics.ForgetFeed("https://b.example/feed");

        time.Advance(TimeSpan.FromMinutes(1));
        listener.RecordObservableInstruments();

        Assert.Equal(new Dictionary<string, double> { ["https://a.example/feed"] = 360 }, seen);
    }

    private sealed class FailingSink : IArticleSink
    {
        public Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new EmitResult(0, 0, new EmitFailure(EmitFailureKind.OutputNotWritable, "read-only file system")));
    }

    private sealed class CountingSink : IArticleSink
    {
        public Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken) => Task.FromResult(new EmitResult(1));
    }
}

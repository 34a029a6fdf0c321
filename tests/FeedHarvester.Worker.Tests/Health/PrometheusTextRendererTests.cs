using System.Diagnostics.Metrics;
using FeedHarvester.Worker.Health;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace FeedHarvester.Tests.Health;

public sealed class PrometheusTextRendererTests
{
    [Fact]
    public void Scrape_CounterGaugeHistogram_RenderedInExpositionFormat()
    {
        var meterName = "FeedHarvester.RendererTest." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var scraper = new MetricsScraper();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meterName).AddReader(scraper.Reader).Build();
        var counter = meter.CreateCounter<long>("test.polls", "{poll}", "Polls \\ done");
        _ = meter.CreateObservableGauge("test.feeds", () => new Measurement<int>(3, new KeyValuePair<string, object?>("state", "a\"b")));
        var histogram = meter.CreateHistogram<double>("test.duration", "s", null, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });

        counter.Add(2, new KeyValuePair<string, object?>("outcome", "Ok"));
        histogram.Record(0.05);
        histogram.Record(0.5);
        histogram.Record(5);
        var text = scraper.Scrape();

        Assert.Contains("# HELP test_polls_total Polls \\\\ done\n# TYPE test_polls_total counter\ntest_polls_total{outcome=\"Ok\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_feeds gauge\ntest_feeds{state=\"a\\\"b\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_bucket{le=\"0.1\"} 1\ntest_duration_seconds_bucket{le=\"1\"} 2\ntest_duration_seconds_bucket{le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("test_duration_seconds_sum 5.55\ntest_duration_seconds_count 3\n", text, StringComparison.Ordinal);
    }
}

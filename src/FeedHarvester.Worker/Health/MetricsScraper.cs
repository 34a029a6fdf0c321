using OpenTelemetry.Metrics;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// Serves <c>/metrics</c> from the OpenTelemetry SDK: a pull reader added to the host's MeterProvider, collected on each
/// scrape and rendered as Prometheus text.
/// </summary>
/// <remarks>
/// Why not OpenTelemetry.Exporter.Prometheus.HttpListener: it opens an HttpListener of its own, so /metrics would need a
/// second port (or a second listener on the same port, which works only where the platform shares prefixes, and splits
/// the "port taken" handling in two), and it has been a beta package for years. One listener that answers
/// /healthz, /readyz and /metrics keeps the single <c>ListenUrl</c> operators configure.
/// </remarks>
internal sealed class MetricsScraper
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromSeconds(5);

    private readonly PrometheusScrapeExporter _exporter = new();
    private readonly Lock _gate = new();

    public MetricsScraper()
    {
        // Cumulative: Prometheus expects counters and histograms that only grow between scrapes.
        Reader = new BaseExportingMetricReader(_exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
    }

    /// <summary>The reader to add to the MeterProvider; the provider owns (and disposes) it.</summary>
    public MetricReader Reader { get; }

    /// <summary>Collects every instrument now and returns the Prometheus text; empty before the MeterProvider starts.</summary>
    public string Scrape()
    {
        // One scrape at a time: a collection exports through the shared exporter.
        lock (_gate)
        {
            return _exporter.Collect?.Invoke((int)CollectTimeout.TotalMilliseconds) == true ? _exporter.LastScrape : string.Empty;
        }
    }
}

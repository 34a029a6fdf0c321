using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// A pull-only exporter: each collection the <see cref="MetricsScraper"/> triggers is rendered to Prometheus text at once,
/// because the batch's metric points are only valid during <see cref="Export"/>. Pull-only, so a collection the SDK runs
/// for another reader (the OTLP push) does not render here.
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PrometheusScrapeExporter : BaseExporter<Metric>, IPullMetricExporter
{
    /// <summary>Set by the reader: runs a collection in the pull scope a pull-only reader needs.</summary>
    public Func<int, bool>? Collect { get; set; }

    public string LastScrape { get; private set; } = string.Empty;

    public override ExportResult Export(in Batch<Metric> batch)
    {
        LastScrape = PrometheusTextRenderer.Render(batch);
        return ExportResult.Success;
    }
}

namespace FeedHarvester.Worker.Health;

/// <summary>Section FeedHarvester:Observability.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "FeedHarvester:Observability";

    /// <summary>Where /healthz, /readyz and /metrics are served; empty turns the listener off. The default value is http://127.0.0.1:9464.</summary>
    public string? ListenUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Readiness requires a successful poll within this long. The default value is 2 hours.</summary>
    public TimeSpan RecentPollWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// An OTLP collector (e.g. http://127.0.0.1:4317) the metrics are also pushed to; protocol and interval follow the
    /// standard OTEL_EXPORTER_OTLP_* and OTEL_METRIC_EXPORT_INTERVAL variables. The default value (null) pushes nowhere.
    /// </summary>
    public string? OtlpEndpoint { get; set; }
}

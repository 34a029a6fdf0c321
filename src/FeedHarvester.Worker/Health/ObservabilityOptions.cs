using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Health;

/// <summary>Section FeedHarvester:Observability.</summary>
internal sealed class ObservabilityOptions : IValidatableObject
{
    /// <summary>Where /healthz, /readyz and /metrics are served; empty turns the listener off. The default value is http://127.0.0.1:9464.</summary>
    public string? ListenUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Readiness requires a successful poll within this long. The default value is 2 hours.</summary>
    [DurationRange("1m", "30d")]
    public TimeSpan RecentPollWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// An OTLP collector (e.g. http://127.0.0.1:4317) the metrics are also pushed to; protocol and interval follow the
    /// standard OTEL_EXPORTER_OTLP_* and OTEL_METRIC_EXPORT_INTERVAL variables. The default value (null) pushes nowhere.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Console logs: one line per event, or one JSON object per event for log shippers. The default value is simple.</summary>
    public LogFormat LogFormat { get; set; } = LogFormat.Simple;

    /// <summary>The URLs: an http listener prefix, an http(s) collector.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ListenUrl)
            && (!Uri.TryCreate(ListenUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp))
        {
            yield return OptionsPath.Error(validationContext, nameof(ListenUrl),
                "must be an http URL such as http://127.0.0.1:9464, or empty to turn the listener off");
        }

        if (!string.IsNullOrEmpty(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return OptionsPath.Error(validationContext, nameof(OtlpEndpoint), "must be an http(s) URL such as http://127.0.0.1:4317");
        }
    }
}

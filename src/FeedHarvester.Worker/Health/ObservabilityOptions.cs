using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Health;

/// <summary>Section FeedHarvester:Observability.</summary>
internal sealed class ObservabilityOptions : IValidatableObject
{
    /// <summary>Where /healthz, /readyz and /metrics are served; empty turns the listener off. The default value is http://127.0.0.1:9464.</summary>
    public string? ListenUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>
    /// After this long without a successful poll, <c>/readyz</c> adds a note saying so; it does not make the worker
    /// unready (feeds that fail are not a worker that fails). The default value is 2 hours.
    /// </summary>
    [DurationRange("1m", "30d")]
    public TimeSpan RecentPollWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// A feed whose poll was due longer ago than this and has not started makes the worker not ready (every scheduler
    /// thread stuck, or a scheduler that stopped firing). Long enough for a start-up backlog of feeds to drain through
    /// <c>Scheduling:MaxConcurrentFeeds</c>. The default value is 15 minutes.
    /// </summary>
    [DurationRange("1m", "1d")]
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.FromMinutes(15);

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

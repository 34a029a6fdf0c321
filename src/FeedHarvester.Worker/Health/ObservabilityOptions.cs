namespace FeedHarvester.Worker.Health;

/// <summary>Section FeedHarvester:Observability.</summary>
public sealed class ObservabilityOptions
{
    public const string SectionName = "FeedHarvester:Observability";

    /// <summary>Where /healthz and /readyz are served; empty turns the listener off. The default value is http://127.0.0.1:9464.</summary>
    public string? ListenUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Readiness requires a successful poll within this long. The default value is 2 hours.</summary>
    public TimeSpan RecentPollWindow { get; set; } = TimeSpan.FromHours(2);
}

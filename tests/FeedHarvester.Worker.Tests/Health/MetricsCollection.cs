namespace FeedHarvester.Tests.Health;

/// <summary>
/// Tests that read the process-wide "FeedHarvester" meter through OpenTelemetry: run after the parallel tests and one at
/// a time, because the SDK listens by meter name and would also count the polls of other in-process workers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

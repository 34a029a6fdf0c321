using FeedHarvester.Deduplication;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Health;

namespace FeedHarvester.Worker.Configuration;

/// <summary>Every option, bound and validated once at start-up (<see cref="SettingsLoader"/>), and the resolved feed list.</summary>
/// <param name="FeedSource">Where the feeds came from: the feeds file, the configuration source, or the built-in sample list.</param>
internal sealed record HarvesterSettings(HarvesterOptions Options, IReadOnlyList<FeedDefinition> Feeds, string FeedSource)
{
    public FetchingOptions Fetching => Options.Fetching;

    public SchedulingOptions Scheduling => Options.Scheduling;

    public DeduplicationOptions Deduplication => Options.Deduplication;

    public LocalStoreOptions Storage => Options.Storage;

    public RedisOptions Redis => Options.Redis;

    public ExtractionOptions Extraction => Options.Extraction;

    public ObservabilityOptions Observability => Options.Observability;

    public Clustering.ClusterOptions Cluster => Options.Cluster;

    /// <summary>Clustered mode (always with Redis): every feed's job and trigger in PostgreSQL, shared by the workers.</summary>
    public bool UsesCluster => !string.IsNullOrWhiteSpace(Cluster.ConnectionString);

    /// <summary>Redis mode: state, seen keys and output in Redis. Otherwise the embedded store (SQLite and JSON lines).</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis.Configuration);

    /// <summary>Feed entries skipped (each naming the entry), logged as warnings when the worker starts.</summary>
    public IReadOnlyList<string> SkippedFeeds { get; init; } = [];

    /// <summary>The feeds are the built-in sample list, polled because no feed is configured.</summary>
    public bool SampleFeeds { get; init; }

    /// <summary>The proxy fetches go through (none unless configured), and the start-up line that says so.</summary>
    public ProxySelection Proxy { get; init; } = ProxySelection.None;

    /// <summary>Decisions worth a line in the start-up log: the sample list in use, a list that replaced another.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

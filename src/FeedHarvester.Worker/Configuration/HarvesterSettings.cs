using FeedHarvester.Deduplication;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;

namespace FeedHarvester.Worker.Composition;

/// <summary>Every option, bound and validated once at start-up, and the resolved feed list.</summary>
public sealed record HarvesterSettings(
    IReadOnlyList<FeedDefinition> Feeds,
    string FeedSource,
    FetchingOptions Fetching,
    SchedulingOptions Scheduling,
    DeduplicationOptions Deduplication,
    LocalStoreOptions Storage,
    RedisOptions Redis,
    ExtractionOptions Extraction)
{
    /// <summary>Redis mode: state, seen keys and output in Redis. Otherwise the embedded store (SQLite and JSON lines).</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis.Configuration);
}

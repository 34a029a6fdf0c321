using FeedHarvester.Deduplication;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;

namespace FeedHarvester.Worker.Composition;

/// <summary>Every option, bound and validated once at start-up, and the resolved feed list.</summary>
public sealed record HarvesterSettings(
    IReadOnlyList<FeedDefinition> Feeds,
    string FeedSource,
    FetchingOptions Fetching,
    SchedulingOptions Scheduling,
    DeduplicationOptions Deduplication,
    LocalStoreOptions Storage);

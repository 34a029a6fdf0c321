using FeedHarvester.Deduplication;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;

namespace FeedHarvester.Pipeline;

/// <summary>The stateless stage engines the pipeline runs, bundled so the conductor's constructor stays readable.</summary>
public sealed record HarvestStages(
    HttpFetcher Fetcher,
    FeedParser Parser,
    ArticlePageReader PageReader,
    ArticleNormalizer Normalizer,
    DedupeKeyBuilder KeyBuilder);

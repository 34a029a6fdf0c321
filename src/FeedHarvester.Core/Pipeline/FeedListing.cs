using FeedHarvester.Parsing;

namespace FeedHarvester.Pipeline;

/// <summary>What every entry of one fetched feed shares: the feed's URL, its feed-level facts, and when it was fetched.</summary>
/// <param name="FeedUrl">The feed's URL as configured.</param>
/// <param name="Feed">The feed-level facts of the fetch that listed the entries.</param>
/// <param name="FetchedAt">When the feed was fetched; the default and upper bound for the entries' dates.</param>
internal sealed record FeedListing(string FeedUrl, ParsedFeed Feed, DateTimeOffset FetchedAt);

using FeedHarvester.Parsing;

namespace FeedHarvester.Pipeline;

/// <summary>What every entry of one fetched feed shares: the feed's URL, its feed-level facts, and when it was fetched.</summary>
/// <param name="FeedUrl">The feed's URL as configured.</param>
/// <param name="Feed">The feed-level facts of the fetch that listed the entries.</param>
/// <param name="FetchedAt">When the feed was fetched; the default and upper bound for the entries' dates.</param>
/// <param name="FeedTitle">The operator's title for the feed, from the feed list.</param>
/// <param name="FeedCategory">The operator's category for the feed, from the feed list.</param>
internal sealed record FeedListing(string FeedUrl, ParsedFeed Feed, DateTimeOffset FetchedAt, string? FeedTitle = null, string? FeedCategory = null);

using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Parsing;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Normalization;

/// <summary>Everything known about one new entry when it is turned into an <see cref="Article"/>.</summary>
/// <param name="FeedUrl">The feed's URL as configured.</param>
/// <param name="Feed">The feed-level facts of the fetch that listed the entry.</param>
/// <param name="Entry">The entry as the feed states it.</param>
/// <param name="Page">What the extractor found on the entry's page, or null.</param>
/// <param name="PageUrl">The page URL after redirects, when the page was fetched.</param>
/// <param name="PageFailure">Why there is no page article, when there is none.</param>
/// <param name="FetchedAt">When the feed was fetched; the default and upper bound for dates.</param>
public sealed record NormalizationInput(
    string FeedUrl,
    ParsedFeed Feed,
    ParsedEntry Entry,
    ExtractedArticle? Page,
    Uri? PageUrl,
    PageFailure? PageFailure,
    DateTimeOffset FetchedAt)
{
    /// <summary>The operator's title for the feed (feed list <c>title</c>), or null.</summary>
    public string? FeedTitle { get; init; }

    /// <summary>
    /// The page's metadata, present whenever the page was parsed, also when no body was extracted from it (a page
    /// whose text the extractor could not find still names its title, author and date); null to read it from
    /// <see cref="Page"/>.
    /// </summary>
    public ArticleMetadata? PageMetadata { get; init; }

    /// <summary>The operator's category for the feed (feed list <c>category</c>, OPML folder), or null.</summary>
    public string? FeedCategory { get; init; }
}

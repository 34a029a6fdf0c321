using FeedHarvester.Extraction;
using FeedHarvester.Normalization;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Pipeline;

/// <summary>What reading an entry's page gave: the article, or why there is none, and the page URL after redirects.</summary>
/// <param name="Metadata">The page's title, author, dates… whenever the page was parsed, also when no body was found.</param>
public sealed record PageReading(ExtractedArticle? Article, Uri? Url, PageFailure? Failure, ArticleMetadata? Metadata = null);

using FeedHarvester.Extraction;
using FeedHarvester.Normalization;

namespace FeedHarvester.Pipeline;

/// <summary>What reading an entry's page gave: the article, or why there is none, and the page URL after redirects.</summary>
public sealed record PageReading(ExtractedArticle? Article, Uri? Url, PageFailure? Failure);

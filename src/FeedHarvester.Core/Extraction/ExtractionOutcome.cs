using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Extraction;

/// <summary>The article, or the typed reason there is none.</summary>
public sealed record ExtractionOutcome
{
    private ExtractionOutcome(ExtractedArticle? article, ExtractionFailure? failure, string? message, ArticleMetadata? metadata)
    {
        Article = article;
        Metadata = metadata;
        Failure = failure;
        Message = message;
    }

    public ExtractedArticle? Article { get; }

    /// <summary>The page's metadata: present whenever the page was parsed, with or without a body; null for a page
    /// refused before parsing.</summary>
    public ArticleMetadata? Metadata { get; }

    public ExtractionFailure? Failure { get; }

    /// <summary>"code: message" for a failure, as page failures are reported (extraction.fallback_reason); null on success.</summary>
    public string? Reason => Failure is { } failure ? CodeOf(failure) + ": " + Message : null;

    /// <summary>For a failure, what went wrong in words, without the code; null on success.</summary>
    public string? Message { get; }

    /// <summary>True for the failures that say the page is hostile or absurd, not merely empty.</summary>
    public bool IsRefusal => Failure is ExtractionFailure.TooDeeplyNested or ExtractionFailure.TooManyElements or ExtractionFailure.TimeBudgetExceeded;

    public static ExtractionOutcome Of(ExtractedArticle article) => new(article, null, null, article);

    public static ExtractionOutcome Failed(ExtractionFailure failure, string message, ArticleMetadata? metadata = null) =>
        new(null, failure, message, metadata);

    /// <summary>The stable code that prefixes the reason.</summary>
    public static string CodeOf(ExtractionFailure failure) => failure switch
    {
        ExtractionFailure.NoArticleText => "no_article_text",
        ExtractionFailure.TooDeeplyNested => "too_deeply_nested",
        ExtractionFailure.TooManyElements => "too_many_elements",
        ExtractionFailure.TimeBudgetExceeded => "time_budget_exceeded",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}

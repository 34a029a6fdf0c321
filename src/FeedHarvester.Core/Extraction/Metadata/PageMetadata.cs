namespace FeedHarvester.Extraction.Metadata;

/// <summary>Everything about an article page except its body: the public fields, and what the body's extraction
/// reads from them besides.</summary>
internal sealed record PageMetadata : ArticleMetadata
{
    /// <summary>The page's JSON-LD articleBody, used as evidence when judging the extracted body.</summary>
    public string? StructuredBody { get; init; }

    /// <summary>The page's votes on the kind of its main content.</summary>
    public PageEvidence Evidence { get; init; }
}

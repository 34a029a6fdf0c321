namespace FeedHarvester.Extraction.Metadata;

/// <summary>Everything about an article page except its body.</summary>
internal sealed record PageMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }

    /// <summary>The authors' names, one each; <see cref="Byline"/> is them joined.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? LeadImage { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }

    /// <summary>The page's JSON-LD articleBody, used as evidence when judging the extracted body.</summary>
    public string? StructuredBody { get; init; }

    /// <summary>The page's votes on the kind of its main content.</summary>
    public PageEvidence Evidence { get; init; }
}

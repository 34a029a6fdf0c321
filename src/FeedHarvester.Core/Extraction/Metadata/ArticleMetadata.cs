namespace FeedHarvester.Extraction.Metadata;

/// <summary>What the page says about itself besides its body; read even when no body is extracted.</summary>
public record ArticleMetadata
{
    public string? Title { get; init; }

    /// <summary>The authors' names joined with ", "; null when the page names none.</summary>
    public string? Byline { get; init; }

    /// <summary>The authors' names, one each (empty when the page names none).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Null when the page states no publication date: never guessed.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Where <see cref="Published"/> was read; <see cref="DateSource.None"/> when it is null.</summary>
    public DateSource PublishedFrom { get; init; }

    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? LeadImage { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }
}

using System.Text.Json.Serialization;

namespace FeedHarvester.Normalization;

/// <summary>
/// The one record every article becomes (schema version 1.3). Documented field by field in
/// docs/article-record.md and docs/article-record.schema.json; serialized in snake_case.
/// </summary>
public sealed record Article
{
    /// <summary>The major version: changes only when a field changes meaning or disappears.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The minor version: fields added within the major version (1: story_id and duplicate_of; 2: feed_title and feed_category; 3: extraction.published_from).</summary>
    public const int CurrentSchemaMinor = 3;

    [JsonPropertyOrder(-12)]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    [JsonPropertyOrder(-11)]
    public int SchemaMinor { get; init; } = CurrentSchemaMinor;

    /// <summary>Stable id derived from <see cref="CanonicalUrl"/>: the same story re-polled gets the same id.</summary>
    [JsonPropertyOrder(-10)]
    public required string Id { get; init; }

    /// <summary>
    /// The id of the first copy seen of this story: the article's own id unless it was recognised as a near-copy of an
    /// earlier article (a syndicated wire story on another site). Consumers group copies by it.
    /// </summary>
    [JsonPropertyOrder(-9)]
    public required string StoryId { get; init; }

    /// <summary>For a near-copy, the id of the earlier article it matched best; null for the first copy of a story.</summary>
    [JsonPropertyOrder(-8)]
    public string? DuplicateOf { get; init; }

    /// <summary>The item's link, normalized (tracking parameters stripped); null for an entry without a usable link.</summary>
    public string? Url { get; init; }

    /// <summary>The page's declared canonical URL when it is article-like, else <see cref="Url"/>; null with it.</summary>
    public string? CanonicalUrl { get; init; }

    public required string FeedUrl { get; init; }

    /// <summary>The operator's title for the feed, from the feed list (not the feed's own title: see <see cref="Source"/>).</summary>
    public string? FeedTitle { get; init; }

    /// <summary>The operator's category for the feed, from the feed list or its OPML folder.</summary>
    public string? FeedCategory { get; init; }

    /// <summary>The feed's GUID, or the link when the feed gave none.</summary>
    public required string Guid { get; init; }

    public string? Title { get; init; }

    public string? Author { get; init; }

    /// <summary>When the feed or the page says the article was published; null when neither states a date.</summary>
    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? Language { get; init; }

    public string? LeadImage { get; init; }

    public string? Summary { get; init; }

    /// <summary>Sanitized HTML of the body.</summary>
    public required string ContentHtml { get; init; }

    /// <summary>Plain text of the body: paragraphs separated by a blank line.</summary>
    public required string ContentText { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Site name: the page's og:site_name, else the feed title, else the host.</summary>
    public string? Source { get; init; }

    public required ExtractionInfo Extraction { get; init; }
}

namespace FeedHarvester.Extraction.Metadata;

/// <summary>The fields of a schema.org Article (or kin) found in a page's JSON-LD.</summary>
internal sealed record JsonLdArticle
{
    public string? Headline { get; init; }
    public string? Author { get; init; }
    public string? DatePublished { get; init; }
    public string? DateModified { get; init; }
    public string? ArticleBody { get; init; }
    public string? PublisherName { get; init; }
    public string? Image { get; init; }
    public string? Url { get; init; }
    public string? InLanguage { get; init; }
}

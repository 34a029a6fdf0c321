namespace FeedHarvester.Parsing;

/// <summary>
/// One entry as the feed states it. Dates are converted to UTC but not defaulted or clamped
/// (that is normalization's job, which knows the fetch time). Summary and Content are HTML strings.
/// </summary>
public sealed record ParsedEntry
{
    /// <summary>RSS guid, Atom id, JSON Feed id, RDF rdf:about; null when the feed gives none.</summary>
    public string? Id { get; init; }
    public string? Title { get; init; }

    /// <summary>The alternate link, resolved to an absolute URL against xml:base / the feed URL.</summary>
    public string? Link { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? Author { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<ParsedEnclosure> Enclosures { get; init; } = [];
}

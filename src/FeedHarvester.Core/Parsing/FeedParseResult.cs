namespace FeedHarvester.Parsing;

/// <summary>The whole outcome of parsing one feed document.</summary>
/// <param name="Format">"rss", "atom", "rdf", "json" or null when not detected.</param>
/// <param name="WellFormed">True when the document is well-formed XML (or valid JSON) and was read without recovery.</param>
/// <param name="Errors">Human-readable problems, each prefixed "parse: ", with line/column where known.</param>
public sealed record FeedParseResult(
    string? Format,
    bool WellFormed,
    ParsedFeed Feed,
    IReadOnlyList<ParsedEntry> Entries,
    IReadOnlyList<string> Errors)
{
    /// <summary>True when nothing usable came out: no format detected, or a refused document.</summary>
    public bool IsFailure => Format is null;

    /// <summary>Which reader the entries came through; a diagnostic for logs and tests, not a quality signal.</summary>
    public FeedReadPath ParsedVia { get; init; } = FeedReadPath.None;
}

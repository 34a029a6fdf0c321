namespace FeedHarvester.Parsing;

/// <summary>Feed-level facts. Links are absolute; dates are UTC; text fields hold no markup.</summary>
public sealed record ParsedFeed
{
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Subtitle { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? Updated { get; init; }

    /// <summary>RSS &lt;ttl&gt;: how long the publisher asks readers to cache the feed; null when it does not say.</summary>
    public TimeSpan? TimeToLive { get; init; }
}

/// <summary>One enclosure (podcast audio, image …) of an entry.</summary>
public sealed record ParsedEnclosure(string Url, string? Type, long? Length);

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

/// <summary>A fetched (or local) feed document and what the HTTP response said about it.</summary>
/// <param name="Body">Raw bytes as received (after content decoding).</param>
/// <param name="ContentType">The Content-Type header value, if any (may carry a charset).</param>
/// <param name="DocumentUrl">The URL it came from (after redirects); base for relative links.</param>
/// <param name="ContentLanguage">The Content-Language header value, if any.</param>
public sealed record FeedDocument(
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    Uri? DocumentUrl,
    string? ContentLanguage = null)
{
    /// <summary>The Content-Location header value, if any; when it is an http(s) URL it is the base for relative links.</summary>
    public string? ContentLocation { get; init; }
}

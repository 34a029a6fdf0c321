using AngleSharp.Dom;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Extraction;

/// <summary>
/// What the extractor found on an article page: the body, and the page's metadata (optional, as a failed extraction
/// would give it).
/// </summary>
public sealed record ExtractedArticle : ArticleMetadata
{
    /// <summary>The article body as HTML, not yet sanitized (the pipeline's cleaning step does that).</summary>
    public required string ContentHtml { get; init; }

    /// <summary>The article body as plain text: paragraphs separated by a blank line.</summary>
    public required string ContentText { get; init; }

    /// <summary>
    /// The body's element in the page's parsed tree, holding what <see cref="ContentHtml"/> holds, so the cleaning step
    /// can sanitize it where it stands instead of parsing the HTML again; null when the body was not read from the
    /// tree (the page's JSON-LD articleBody) or the tree has changed since.
    /// </summary>
    public IElement? Tree { get; init; }

    /// <summary>Which extraction path produced the body ("readability", "relaxed-unlikely", "relaxed-weights", "relaxed-conditional" or "json-ld").</summary>
    public required string Path { get; init; }

    /// <summary>Word count of <see cref="ContentText"/>.</summary>
    public int WordCount { get; init; }
}

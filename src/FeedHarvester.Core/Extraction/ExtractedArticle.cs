using AngleSharp.Dom;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Extraction;

/// <summary>What the extractor found on an article page. Everything but the body is optional.</summary>
public sealed record ExtractedArticle
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

    public string? Title { get; init; }
    /// <summary>The authors' names joined with ", ": without "By", dates, handles or job titles.</summary>
    public string? Byline { get; init; }

    /// <summary>The authors' names, one each (empty when the page names none).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateTimeOffset? Published { get; init; }

    /// <summary>Where <see cref="Published"/> was read on the page; <see cref="DateSource.None"/> when it is null.</summary>
    public DateSource PublishedFrom { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public string? Language { get; init; }
    public string? LeadImage { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }

    /// <summary>Which extraction path produced the body ("readability", "relaxed-unlikely", "relaxed-weights", "relaxed-conditional" or "json-ld").</summary>
    public required string Path { get; init; }

    /// <summary>The metadata this article carries, as a failed extraction would give it.</summary>
    public ArticleMetadata ToMetadata() => new()
    {
        Title = Title,
        Byline = Byline,
        Authors = Authors,
        Published = Published,
        PublishedFrom = PublishedFrom,
        Modified = Modified,
        Language = Language,
        LeadImage = LeadImage,
        CanonicalUrl = CanonicalUrl,
        SiteName = SiteName,
    };

    /// <summary>Word count of <see cref="ContentText"/>.</summary>
    public int WordCount { get; init; }
}

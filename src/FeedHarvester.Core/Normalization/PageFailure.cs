using FeedHarvester.Extraction;
using FeedHarvester.Fetching;

namespace FeedHarvester.Normalization;

/// <summary>
/// Why an entry has no article from its page: a stable <see cref="Code"/> and a message. The text form
/// ("code: message") appears only where it is stored (extraction.fallback_reason) and logged.
/// </summary>
public sealed record PageFailure(string Code, string? Message)
{
    /// <summary>
    /// Page fetch failures that say the link itself is hostile or absurd (an internal address; a body past the size
    /// limit): the entry is dropped with a log line rather than passed on with the feed's text.
    /// </summary>
    private static readonly FetchFailureKind[] RejectingKinds = [FetchFailureKind.PrivateAddressBlocked, FetchFailureKind.TooLarge];

    public static PageFailure Disabled { get; } = new("disabled", "article pages are not fetched (FetchArticlePages=false)");

    public static PageFailure NoLink { get; } = new("no_link", "the entry has no absolute link");

    /// <summary>True when the failure refuses the entry itself: it is not emitted at all, not even from the feed's content.</summary>
    public bool RejectsEntry { get; private init; }

    /// <summary>A page fetch that gave no body: the failure kind is the code, or the status (a 304) when it did not fail.</summary>
    public static PageFailure NotFetched(FetchResult fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return fetch.TryGetFailure(out var failure)
            ? new PageFailure(failure.Kind.ToString(), failure.Message) { RejectsEntry = RejectingKinds.Contains(failure.Kind) }
            : new PageFailure(fetch.Status.ToString(), fetch.Message);
    }

    public static PageFailure NotHtml(string? contentType) => new("not_html", $"the page is {contentType}");

    /// <summary>Why the extractor found no article or refused the page; null when it found one.</summary>
    public static PageFailure? NotExtracted(ExtractionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Failure is { } failure ? new PageFailure(ExtractionOutcome.CodeOf(failure), outcome.Message) : null;
    }

    /// <summary>The extractor threw (a bug, logged with its stack trace).</summary>
    public static PageFailure ExtractorCrashed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new("extract_error", exception.Message);
    }

    /// <summary>The page's article was too short beside the feed's own content, so the feed's was kept.</summary>
    public static PageFailure TooShort(int pageWords, int feedWords) =>
        new("page_too_short", $"the page gave {pageWords} words, the feed {feedWords}");

    /// <summary>"code: message", as stored in extraction.fallback_reason and logged.</summary>
    public override string ToString() => $"{Code}: {Message}";
}

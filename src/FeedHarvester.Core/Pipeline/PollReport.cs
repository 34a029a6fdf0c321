namespace FeedHarvester.Pipeline;

/// <summary>What one poll of one feed did.</summary>
public sealed record PollReport(
    string FeedUrl,
    PollOutcome Outcome,
    string? Message,
    int Entries,
    int NewArticles,
    int Duplicates,
    int FromFeedContent,
    DateTimeOffset? NextPollAt,
    TimeSpan Elapsed)
{
    public bool Succeeded => Outcome.IsSuccess;

    /// <summary>Entries refused by policy (private address, page too large): logged, not emitted.</summary>
    public int Rejected { get; init; }

    /// <summary>New articles recognised as near-copies of an earlier story and emitted linked to it.</summary>
    public int LinkedCopies { get; init; }

    /// <summary>Near-copies of an earlier story recorded and not emitted (near-duplicate policy drop).</summary>
    public int DroppedCopies { get; init; }

    /// <summary>Null <see cref="NextPollAt"/>: the feed is not to be polled again.</summary>
    public bool Disabled => NextPollAt is null;

    /// <summary>A poll that sent nothing because the feed is disabled.</summary>
    public static PollReport Skipped(string feedUrl, PollOutcome outcome, string? message) =>
        new(feedUrl, outcome, message, 0, 0, 0, 0, null, TimeSpan.Zero);
}

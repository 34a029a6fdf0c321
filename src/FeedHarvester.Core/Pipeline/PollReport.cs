namespace FeedHarvester.Pipeline;

/// <summary>Stable outcome codes of one poll, shared by logs, feed state and the scheduler.</summary>
public static class PollOutcome
{
    public const string Ok = "Ok";
    public const string NotModified = "NotModified";
    public const string Malformed = "Malformed";

    /// <summary>Another worker held the feed's poll lease; this worker left the poll to it.</summary>
    public const string Leased = "Leased";

    /// <summary>The feed answered 410 Gone before; it is not polled any more.</summary>
    public const string Gone = "Gone";

    /// <summary>A fault of ours (store unreachable, a bug): logged with its exception; the feed is retried.</summary>
    public const string Error = "Error";

    public static bool IsSuccess(string outcome) => outcome is Ok or NotModified or Leased;
}

/// <summary>What one poll of one feed did.</summary>
public sealed record PollReport(
    string FeedUrl,
    string Outcome,
    string? Message,
    int Entries,
    int NewArticles,
    int Duplicates,
    int FromFeedContent,
    DateTimeOffset? NextPollAt,
    TimeSpan Elapsed)
{
    public bool Succeeded => PollOutcome.IsSuccess(Outcome);

    /// <summary>Entries refused by policy (private address, page too large): logged, not emitted.</summary>
    public int Rejected { get; init; }

    /// <summary>New articles recognised as near-copies of an earlier story and emitted linked to it.</summary>
    public int LinkedCopies { get; init; }

    /// <summary>Near-copies of an earlier story recorded and not emitted (near-duplicate policy drop).</summary>
    public int DroppedCopies { get; init; }

    /// <summary>Null <see cref="NextPollAt"/>: the feed is not to be polled again.</summary>
    public bool Disabled => NextPollAt is null;

    /// <summary>A poll that sent nothing because the feed is disabled.</summary>
    public static PollReport Skipped(string feedUrl, string outcome, string? message) =>
        new(feedUrl, outcome, message, 0, 0, 0, 0, null, TimeSpan.Zero);
}

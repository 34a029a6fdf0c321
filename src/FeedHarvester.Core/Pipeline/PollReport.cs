namespace FeedHarvester.Pipeline;

/// <summary>Stable outcome codes of one poll, shared by logs, feed state and the scheduler.</summary>
public static class PollOutcome
{
    public const string Ok = "Ok";
    public const string NotModified = "NotModified";
    public const string Malformed = "Malformed";

    /// <summary>A fault of ours (store unreachable, a bug): logged with its exception; the feed is retried.</summary>
    public const string Error = "Error";

    public static bool IsSuccess(string outcome) => outcome is Ok or NotModified;
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
    DateTimeOffset NextPollAt,
    TimeSpan Elapsed)
{
    public bool Succeeded => PollOutcome.IsSuccess(Outcome);
}

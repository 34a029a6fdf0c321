namespace FeedHarvester.Feeds;

/// <summary>What the harvester remembers about one feed between polls.</summary>
public sealed record FeedState
{
    public required string FeedUrl { get; init; }

    /// <summary>Validator sent back as If-None-Match; only advanced once every new article of a fetch was claimed.</summary>
    public string? ETag { get; init; }

    /// <summary>Validator sent back as If-Modified-Since, verbatim as the server sent it.</summary>
    public string? LastModified { get; init; }

    /// <summary>Stable outcome code of the last poll (see <c>PollOutcome</c>).</summary>
    public string? LastOutcome { get; init; }

    public string? LastMessage { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? NextPollAt { get; init; }

    public int ConsecutiveErrors { get; init; }

    public long ArticlesEmitted { get; init; }

    public static FeedState New(string feedUrl) => new() { FeedUrl = feedUrl };
}

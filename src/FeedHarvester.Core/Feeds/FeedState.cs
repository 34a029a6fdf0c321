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

    /// <summary>Active, Broken (repeated 404s: still polled, rarely) or Gone (410: no longer polled).</summary>
    public FeedStatus Status { get; init; } = FeedStatus.Active;

    /// <summary>Where the feed is fetched from after a permanent redirect was seen stable; null means its configured URL.</summary>
    public string? CurrentUrl { get; init; }

    /// <summary>The target of the permanent redirect seen on the last polls, until it is trusted.</summary>
    public string? RedirectCandidate { get; init; }

    /// <summary>How many polls in a row saw <see cref="RedirectCandidate"/>.</summary>
    public int RedirectSeenCount { get; init; }

    /// <summary>The interval the last successful poll chose (rhythm, publisher hints, clamps), before jitter.</summary>
    public TimeSpan? PollInterval { get; init; }

    public static FeedState New(string feedUrl) => new() { FeedUrl = feedUrl };
}

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

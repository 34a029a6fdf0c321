using System.ComponentModel.DataAnnotations;

namespace FeedHarvester.Feeds;

/// <summary>When feeds are polled. Section FeedHarvester:Scheduling.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "FeedHarvester:Scheduling";

    /// <summary>Poll interval for feeds without their own. The default value is 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Share of the interval by which each poll is moved at random, so feeds with one interval do not fire together. The default value is 0.1.</summary>
    [Range(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>Longest wait after repeated failures. The default value is 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Feeds polled at once. The default value is 4.</summary>
    [Range(1, 256)]
    public int MaxConcurrentFeeds { get; set; } = 4;

    /// <summary>Article pages fetched and extracted at once within one feed. The default value is 4.</summary>
    [Range(1, 256)]
    public int MaxConcurrentArticlesPerFeed { get; set; } = 4;

    /// <summary>
    /// Article extractions (the CPU-bound stage) run at once across all feeds; 0 means one per processor. Page fetches
    /// waiting for a slot keep their body, so this only bounds CPU, not memory. The default value is 0 (one per processor).
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentExtractions { get; set; }

    /// <summary>
    /// Claimed articles that may wait for the sink before new entries wait too (back-pressure: a slow or unreachable
    /// sink holds the fetchers back instead of letting work pile up). The default value is 1000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEmitBacklog { get; set; } = 1000;

    /// <summary>
    /// Poll each feed as often as it publishes (window ÷ entries in the window), raised to the publisher's
    /// ttl / max-age / Expires and clamped to [MinInterval, MaxInterval]. A feed's own Interval pins it. The default value is true.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>How far back entries count towards a feed's rhythm. The default value is 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RhythmWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Shortest adaptive interval. The default value is 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest adaptive interval (also the cap on publisher hints): a quiet feed is still looked at this often. The default value is 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive 404s after which a feed is flagged broken (still polled, at the longest back-off). The default value is 5.</summary>
    [Range(1, 1000)]
    public int BrokenAfterNotFound { get; set; } = 5;

    /// <summary>Polls in a row that must see the same permanent redirect before the feed's stored URL follows it. The default value is 3.</summary>
    [Range(1, 100)]
    public int RedirectStableAfter { get; set; } = 3;
}

using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Feeds;

/// <summary>When feeds are polled. Section FeedHarvester:Scheduling.</summary>
public sealed class SchedulingOptions : IValidatableObject
{
    /// <summary>Poll interval for feeds without their own. The default value is 15 minutes.</summary>
    [DurationRange("1s", "7d")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Share of the interval by which each poll is moved at random, so feeds with one interval do not fire together. The default value is 0.1.</summary>
    [Between(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>Longest wait after repeated failures. The default value is 6 hours.</summary>
    [DurationRange("1s", "30d")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Feeds polled at once. The default value is 4.</summary>
    [Between(1, 256)]
    public int MaxConcurrentFeeds { get; set; } = 4;

    /// <summary>Article pages fetched and extracted at once within one feed. The default value is 4.</summary>
    [Between(1, 256)]
    public int MaxConcurrentArticlesPerFeed { get; set; } = 4;

    /// <summary>
    /// Article extractions (the CPU-bound stage) run at once across all feeds; 0 means one per processor. Page fetches
    /// waiting for a slot keep their body, so this only bounds CPU, not memory. The default value is 0 (one per processor).
    /// </summary>
    [Between(0, 256)]
    public int MaxConcurrentExtractions { get; set; }

    /// <summary>
    /// Claimed articles that may wait for the sink before new entries wait too (back-pressure: a slow or unreachable
    /// sink holds the fetchers back instead of letting work pile up). The default value is 1000.
    /// </summary>
    [Between(1, 1_000_000)]
    public int MaxEmitBacklog { get; set; } = 1000;

    /// <summary>
    /// Poll each feed as often as it publishes (window ÷ entries in the window), raised to the publisher's
    /// ttl / max-age / Expires and clamped to [MinInterval, MaxInterval]. A feed's own Interval pins it. The default value is true.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>How far back entries count towards a feed's rhythm. The default value is 7 days.</summary>
    [DurationRange("1h", "90d")]
    public TimeSpan RhythmWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Shortest adaptive interval. The default value is 5 minutes.</summary>
    [DurationRange("1s", "1d")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest adaptive interval (also the cap on publisher hints): a quiet feed is still looked at this often. The default value is 1 hour.</summary>
    [DurationRange("1s", "30d")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Consecutive 404s after which a feed is flagged broken (still polled, at the longest back-off). The default value is 5.</summary>
    [Between(1, 1000)]
    public int BrokenAfterNotFound { get; set; } = 5;

    /// <summary>Polls in a row that must see the same permanent redirect before the feed's stored URL follows it. The default value is 3.</summary>
    [Between(1, 100)]
    public int RedirectStableAfter { get; set; } = 3;

    /// <summary>
    /// The shortest interval any feed may be polled at: a feed's own interval, DefaultInterval and MinInterval below it are
    /// errors, so a typo (interval=1s) cannot hammer a publisher. Lower it only for a test rig of your own. The default
    /// value is 1 minute.
    /// </summary>
    [DurationRange("1s", "1d")]
    public TimeSpan IntervalFloor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rules between fields: every interval at or above <see cref="IntervalFloor"/>, and the adaptive bounds in order.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultInterval < IntervalFloor)
        {
            yield return OptionsPath.Error(validationContext, nameof(DefaultInterval), BelowFloor(DefaultInterval));
        }

        if (MinInterval < IntervalFloor)
        {
            yield return OptionsPath.Error(validationContext, nameof(MinInterval), BelowFloor(MinInterval));
        }

        if (MinInterval > MaxInterval)
        {
            yield return OptionsPath.Error(validationContext, nameof(MinInterval),
                $"{Duration.Format(MinInterval)} is longer than MaxInterval ({Duration.Format(MaxInterval)})");
        }
    }

    private string BelowFloor(TimeSpan interval) => FeedEntryRules.BelowFloor(interval, IntervalFloor);
}

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
}

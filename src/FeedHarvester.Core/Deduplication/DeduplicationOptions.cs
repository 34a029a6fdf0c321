using System.ComponentModel.DataAnnotations;

namespace FeedHarvester.Deduplication;

/// <summary>Section FeedHarvester:Deduplication.</summary>
public sealed class DeduplicationOptions
{
    public const string SectionName = "FeedHarvester:Deduplication";

    /// <summary>
    /// Bodies with fewer words never get a content fingerprint: short or failed extractions ("Subscribe to read",
    /// a one-line teaser) would otherwise make unrelated articles look like copies. The default value is 50.
    /// </summary>
    [Range(1, 100_000)]
    public int MinWordsForContentKey { get; set; } = 50;
}

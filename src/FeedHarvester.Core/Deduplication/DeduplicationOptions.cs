using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Deduplication;

/// <summary>Section FeedHarvester:Deduplication.</summary>
public sealed class DeduplicationOptions
{
    /// <summary>
    /// Bodies with fewer words never get a content fingerprint: short or failed extractions ("Subscribe to read",
    /// a one-line teaser) would otherwise make unrelated articles look like copies. The same floor applies to
    /// near-duplicate signatures: a shorter text never matches another on content alone. The default value is 50.
    /// </summary>
    [Between(1, 100_000)]
    public int MinWordsForContentKey { get; set; } = 50;

    /// <summary>
    /// What happens to a later near-copy of a story already seen (a syndicated wire story on another site): "link" emits
    /// every copy with story_id and duplicate_of, "drop" emits the first copy only, "off" disables the check. The default
    /// value is "link".
    /// </summary>
    public NearDuplicatePolicy NearDuplicates { get; set; } = NearDuplicatePolicy.Link;

    /// <summary>
    /// Estimated Jaccard similarity of the two texts' 5-word shingles at or above which they are one story. The default
    /// value is 0.5.
    /// </summary>
    [Between(0.3, 1.0)]
    public double NearDuplicateSimilarity { get; set; } = MinHashTuning.DefaultSimilarity;
}

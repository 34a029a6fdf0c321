namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>What happens to a later near-copy of a story already seen (FeedHarvester:Deduplication:NearDuplicates).</summary>
public enum NearDuplicatePolicy
{
    /// <summary>Emit every copy; a copy's record carries the first copy's id in story_id and its best match in duplicate_of.</summary>
    Link,

    /// <summary>Emit the first copy only; later copies are recorded as seen, counted and logged, never emitted.</summary>
    Drop,

    /// <summary>No near-duplicate detection: every record's story_id is its own id.</summary>
    Off,
}

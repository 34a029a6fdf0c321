using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Deduplication;

/// <summary>The outcome of a claim.</summary>
/// <param name="IsNew">True when the article was recorded and queued for emission.</param>
/// <param name="MatchedKey">For a duplicate, the first key found already seen.</param>
/// <param name="Story">For a near-copy of an earlier article: its story. With <see cref="IsNew"/> the copy was queued
/// with the link (policy link); without, it was dropped (policy drop).</param>
public sealed record DedupeVerdict(bool IsNew, DedupeKey? MatchedKey, StoryLink? Story = null)
{
    public static readonly DedupeVerdict New = new(true, null);

    /// <summary>A later copy of a story, recorded and dropped instead of emitted.</summary>
    public bool IsDroppedCopy => !IsNew && Story is not null;

    public static DedupeVerdict Duplicate(DedupeKey matched) => new(false, matched);

    public static DedupeVerdict LinkedCopy(StoryLink story) => new(true, null, story);

    public static DedupeVerdict DroppedCopy(StoryLink story) => new(false, null, story);
}

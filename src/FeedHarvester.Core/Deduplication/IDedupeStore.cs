using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;

namespace FeedHarvester.Deduplication;

/// <summary>Seen keys, and the atomic claim that makes an article new exactly once.</summary>
public interface IDedupeStore
{
    /// <summary>The first of <paramref name="keys"/> already seen, or null. A cheap pre-check before fetching a page.</summary>
    Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken);

    /// <summary>
    /// In one atomic step: when none of the article's keys was seen, records them all and queues the
    /// article for emission (so it can never be recorded but not emitted, or emitted but not recorded).
    /// With a near-duplicate check, the same step looks up earlier copies of the story: under
    /// <see cref="NearDuplicatePolicy.Link"/> the queued record carries story_id and duplicate_of and the article joins the
    /// index; under <see cref="NearDuplicatePolicy.Drop"/> a later copy's keys are recorded but nothing is queued. Two
    /// workers claiming two copies at once therefore cannot both be the first.
    /// </summary>
    Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken);
}

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

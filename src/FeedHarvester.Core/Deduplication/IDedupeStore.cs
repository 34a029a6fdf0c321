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

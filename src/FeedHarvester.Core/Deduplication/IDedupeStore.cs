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
    /// </summary>
    Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken);
}

/// <summary>The outcome of a claim.</summary>
/// <param name="IsNew">True when the article was recorded and queued for emission.</param>
/// <param name="MatchedKey">For a duplicate, the first key found already seen.</param>
public sealed record DedupeVerdict(bool IsNew, DedupeKey? MatchedKey)
{
    public static readonly DedupeVerdict New = new(true, null);

    public static DedupeVerdict Duplicate(DedupeKey matched) => new(false, matched);
}

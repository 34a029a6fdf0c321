using FeedHarvester.Diagnostics;
using FeedHarvester.Normalization;

namespace FeedHarvester.Deduplication;

/// <summary>Times the store's two calls as the seen-check and claim stages, whichever store (SQLite, Redis) is behind it.</summary>
internal sealed class TimedDedupeStore(IDedupeStore inner, HarvestMetrics metrics) : IDedupeStore
{
    public async Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken)
    {
        var timer = StageTimer.StartAsynchronous();
        try
        {
            return await inner.FindSeenAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordStage(HarvestStage.SeenCheck, timer);
        }
    }

    public async Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken)
    {
        var timer = StageTimer.StartAsynchronous();
        try
        {
            return await inner.TryClaimAsync(article, keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordStage(HarvestStage.Claim, timer);
        }
    }
}

using FeedHarvester.Diagnostics;

namespace FeedHarvester.Emitting;

/// <summary>
/// Wraps the real sink to time every emit round, background drains included (the pipeline only sees its own
/// flushes, so timing there would miss most rounds).
/// </summary>
public sealed class TimedArticleSink(IArticleSink inner, HarvestMetrics metrics) : IArticleSink
{
    public bool EmitsOnClaim => inner.EmitsOnClaim;


    public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
    {
        var started = HarvestMetrics.StartTimer();
        try
        {
            return await inner.EmitPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics.RecordSinkRound(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }
}

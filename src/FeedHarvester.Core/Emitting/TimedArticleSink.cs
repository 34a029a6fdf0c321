using FeedHarvester.Diagnostics;

namespace FeedHarvester.Emitting;

/// <summary>
/// Wraps the real sink to time every emit round, background drains included (the pipeline only sees its own
/// flushes, so timing there would miss most rounds), and to count the rounds that could not write.
/// </summary>
public sealed class TimedArticleSink(IArticleSink inner, HarvestMetrics metrics) : IArticleSink
{
    public bool EmitsOnClaim => inner.EmitsOnClaim;

    public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
    {
        var started = HarvestMetrics.StartTimer();
        try
        {
            var result = await inner.EmitPendingAsync(cancellationToken).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                metrics.RecordSinkError(failure.Kind.ToString());
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.RecordSinkError(nameof(EmitFailureKind.SinkCrashed));
            throw;
        }
        finally
        {
            metrics.RecordSinkRound(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }
}

using FeedHarvester.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Emitting;

/// <summary>
/// Writes claimed articles out as they are claimed, without one sink round per article: every claim
/// signals, one drain at a time empties the queue, and signals that arrive meanwhile coalesce into its
/// next round. A failed background round loses nothing (the articles stay queued); the next signal or
/// <see cref="FlushAsync"/> retries.
/// </summary>
public sealed class EmitPump(IArticleSink sink, ILogger<EmitPump> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int requested;

    /// <summary>Something was queued: make sure a drain runs soon. Returns at once.</summary>
    public void Signal()
    {
        _ = Interlocked.Exchange(ref requested, 1);
        _ = Task.Run(DrainInBackgroundAsync);
    }

    /// <summary>Writes out everything queued before this call; returns what this call's rounds delivered.</summary>
    public async Task<EmitResult> FlushAsync(CancellationToken cancellationToken)
    {
        _ = Interlocked.Exchange(ref requested, 1);
        return await DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainInBackgroundAsync()
    {
        try
        {
            _ = await DrainAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.EmitRoundFailed(logger, ex);
        }
    }

    private async Task<EmitResult> DrainAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var emitted = 0;
            var recovered = 0;
            while (Interlocked.Exchange(ref requested, 0) == 1)
            {
                var round = await sink.EmitPendingAsync(cancellationToken).ConfigureAwait(false);
                emitted += round.Emitted;
                recovered += round.Recovered;
            }

            return new EmitResult(emitted, recovered);
        }
        finally
        {
            _ = gate.Release();
        }
    }
}

using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Emitting;

/// <summary>
/// Writes claimed articles out as they are claimed, without one sink round per article: every claim
/// signals, one drain at a time empties the queue, and signals that arrive meanwhile coalesce into its
/// next round. A failed background round loses nothing (the articles stay queued); the next signal,
/// <see cref="FlushAsync"/> or a producer waiting in <see cref="WaitForRoomAsync"/> retries.
/// </summary>
/// <remarks>
/// Back-pressure: at most <see cref="SchedulingOptions.MaxEmitBacklog"/> claimed articles wait for the sink. Producers
/// call <see cref="WaitForRoomAsync"/> before starting an entry, so when the sink is slower than the fetchers (or
/// down) new work waits instead of piling up, and every claimed article is still written once the sink catches up.
/// </remarks>
public sealed class EmitPump(IArticleSink sink, ILogger<EmitPump> logger, SchedulingOptions? scheduling = null, TimeProvider? timeProvider = null)
{
    /// <summary>How often a producer held back by a full backlog retries a sink whose last round failed.</summary>
    public static readonly TimeSpan StalledRetryDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly long maxBacklog = (scheduling ?? new SchedulingOptions()).MaxEmitBacklog;
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;
    private int requested;

    // Claims signalled so far, and how many of them a finished round is known to have written: every round writes
    // whatever was queued when it started, so a successful round covers every signal counted before it began.
    private long signalled;
    private long covered;
    private TaskCompletionSource progress = NewProgress();

    /// <summary>Claimed articles not yet known to be written.</summary>
    public long Backlog => Interlocked.Read(ref signalled) - Interlocked.Read(ref covered);

    /// <summary>An article was claimed and queued: make sure a drain runs soon. Returns at once.</summary>
    public void Signal()
    {
        _ = Interlocked.Increment(ref signalled);
        RequestDrain();
    }

    /// <summary>Returns once fewer than <see cref="SchedulingOptions.MaxEmitBacklog"/> claimed articles wait for the sink.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (Backlog >= maxBacklog)
        {
            var next = Volatile.Read(ref progress).Task;
            RequestDrain();
            try
            {
                await next.WaitAsync(StalledRetryDelay, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // No round finished meanwhile (the sink is slow or failing): look again, asking for another round.
            }
        }
    }

    /// <summary>Writes out everything queued before this call; returns what this call's rounds delivered.</summary>
    public async Task<EmitResult> FlushAsync(CancellationToken cancellationToken)
    {
        _ = Interlocked.Exchange(ref requested, 1);
        return await DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private void RequestDrain()
    {
        _ = Interlocked.Exchange(ref requested, 1);
        _ = Task.Run(DrainInBackgroundAsync);
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
                var upTo = Interlocked.Read(ref signalled);
                var round = await sink.EmitPendingAsync(cancellationToken).ConfigureAwait(false);
                emitted += round.Emitted;
                recovered += round.Recovered;
                Cover(upTo);
            }

            return new EmitResult(emitted, recovered);
        }
        finally
        {
            _ = gate.Release();
        }
    }

    // Only the drain holding the gate calls this, so covered only grows.
    private void Cover(long upTo)
    {
        if (upTo > Interlocked.Read(ref covered))
        {
            _ = Interlocked.Exchange(ref covered, upTo);
        }

        _ = Interlocked.Exchange(ref progress, NewProgress()).TrySetResult();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

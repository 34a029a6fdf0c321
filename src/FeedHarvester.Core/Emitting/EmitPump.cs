using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Emitting;

/// <summary>
/// Writes claimed articles out as they are claimed, without one sink round per article: every claim
/// signals, one drain at a time empties the queue, and signals that arrive meanwhile coalesce into its
/// next round.
/// </summary>
/// <remarks>
/// <para>
/// Back-pressure: at most <see cref="SchedulingOptions.MaxEmitBacklog"/> claimed articles wait for the sink. Producers
/// call <see cref="WaitForRoomAsync"/> before starting an entry, so when the sink is slower than the fetchers (or
/// down) new work waits instead of piling up, and every claimed article is still written once the sink catches up.
/// </para>
/// <para>
/// A failed round loses nothing (the articles stay queued). The pump then retries on its own, after
/// <see cref="FirstRetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>, whether or not anything new is claimed;
/// until a round succeeds, claims and flushes do not start rounds of their own, and <see cref="Failure"/> says why
/// (readiness reads it). It logs once when the sink starts failing and once when it writes again.
/// </para>
/// </remarks>
public sealed class EmitPump : IDisposable
{
    /// <summary>How often a producer held back by a full backlog looks again whether the sink caught up.</summary>
    public static readonly TimeSpan StalledRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>First retry after a failed round: a brief fault (a file rotated under us) costs about a second.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries: a disk that frees is written to within this long, and one that stays full is tried six times a minute.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly IArticleSink _sink;
    private readonly bool _emitsOnClaim;
    private readonly ILogger _logger;
    private readonly long _maxBacklog;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _retryTimer;
    private int _requested;
    private int _disposed;

    // Claims signalled so far, and how many of them a finished round is known to have written: every round writes
    // whatever was queued when it started, so a successful round covers every signal counted before it began.
    private long _signalled;
    private long _covered;
    private TaskCompletionSource _progress = NewProgress();

    // Changed only by the drain holding the gate; read by anyone.
    private EmitFailure? _failure;
    private DateTimeOffset _failingSince;
    private TimeSpan _retryDelay = FirstRetryDelay;

    public EmitPump(IArticleSink sink, ILogger<EmitPump> logger, SchedulingOptions scheduling, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(scheduling);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _sink = sink;
        _emitsOnClaim = sink.EmitsOnClaim;
        _logger = logger;
        _maxBacklog = scheduling.MaxEmitBacklog;
        _clock = timeProvider;
        _retryTimer = _clock.CreateTimer(_ => Retry(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Claimed articles not yet known to be written.</summary>
    public long Backlog => Interlocked.Read(ref _signalled) - Interlocked.Read(ref _covered);

    /// <summary>Why the last round failed, while the sink cannot write; null once a round succeeds.</summary>
    public EmitFailure? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// An article was claimed and queued: make sure a drain runs soon. Returns at once. A sink whose claims are the
    /// emission (<see cref="IArticleSink.EmitsOnClaim"/>) has nothing queued, so no round runs for it.
    /// </summary>
    public void Signal()
    {
        if (_emitsOnClaim)
        {
            return;
        }

        _ = Interlocked.Increment(ref _signalled);
        RequestDrain();
    }

    /// <summary>Returns once fewer than <see cref="SchedulingOptions.MaxEmitBacklog"/> claimed articles wait for the sink.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (Backlog >= _maxBacklog)
        {
            var next = Volatile.Read(ref _progress).Task;
            RequestDrain();
            try
            {
                await next.WaitAsync(StalledRetryDelay, _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // No round finished meanwhile (the sink is slow or failing): look again.
            }
        }
    }

    /// <summary>Writes out whatever an earlier, interrupted run left queued. Call once at start-up, before the first poll.</summary>
    /// <returns>How many articles it wrote or found already written.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var result = await FlushAsync(cancellationToken).ConfigureAwait(false);
        var total = result.Emitted + result.Recovered;
        if (total > 0)
        {
            Log.RecoveredPending(_logger, result.Emitted, result.Recovered);
        }

        return total;
    }

    /// <summary>
    /// Writes out everything queued before this call; returns what this call's rounds delivered. While the sink is
    /// failing it returns the <see cref="Failure"/> at once: the pump's own retries write the queue once it can.
    /// </summary>
    public async Task<EmitResult> FlushAsync(CancellationToken cancellationToken)
    {
        _ = Interlocked.Exchange(ref _requested, 1);
        return await DrainAsync(retry: false, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _retryTimer.Dispose();
        }
    }

    private void RequestDrain()
    {
        _ = Interlocked.Exchange(ref _requested, 1);

        // While failing, the retry timer decides when the next round runs, so a stream of claims cannot hammer a full disk.
        if (Failure is null)
        {
            _ = Task.Run(() => DrainAsync(retry: false, CancellationToken.None));
        }
    }

    private void Retry()
    {
        _ = Interlocked.Exchange(ref _requested, 1);
        _ = Task.Run(() => DrainAsync(retry: true, CancellationToken.None));
    }

    /// <param name="retry">Only the retry timer's drains run rounds while the sink is failing.</param>
    private async Task<EmitResult> DrainAsync(bool retry, CancellationToken cancellationToken)
    {
        if (!retry && Failure is { } failing)
        {
            return new EmitResult(0, 0, failing);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Checked again: the round this drain waited for may have just failed.
            if (!retry && Failure is { } failed)
            {
                return new EmitResult(0, 0, failed);
            }

            var emitted = 0;
            var recovered = 0;
            while (Interlocked.Exchange(ref _requested, 0) == 1)
            {
                var upTo = Interlocked.Read(ref _signalled);
                var round = await RoundAsync(cancellationToken).ConfigureAwait(false);
                emitted += round.Emitted;
                recovered += round.Recovered;
                if (round.Failure is { } roundFailure)
                {
                    Failed(roundFailure);
                    return new EmitResult(emitted, recovered, roundFailure);
                }

                Succeeded(round);
                Cover(upTo);
            }

            return new EmitResult(emitted, recovered);
        }
        finally
        {
            _ = _gate.Release();
        }
    }

    // Expected faults come back as values; anything thrown is a bug in the sink, but still only fails the round:
    // the articles are queued durably, and the retries pick them up once the sink works again.
    private async Task<EmitResult> RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _sink.EmitPendingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (Failure?.Kind != EmitFailureKind.SinkCrashed)
            {
                Log.SinkCrashed(_logger, ex);
            }

            return new EmitResult(0, 0, new EmitFailure(EmitFailureKind.SinkCrashed, ex.Message));
        }
    }

    private void Failed(EmitFailure failed)
    {
        var previous = Failure;
        if (previous is null)
        {
            _failingSince = _clock.GetUtcNow();
            _retryDelay = FirstRetryDelay;
        }
        else
        {
            _retryDelay = _retryDelay * 2 > MaxRetryDelay ? MaxRetryDelay : _retryDelay * 2;
        }

        // Once per change of state: the first failure, or a different kind of failure than the last one.
        if (previous?.Kind != failed.Kind && failed.Kind != EmitFailureKind.SinkCrashed)
        {
            Log.SinkFailing(_logger, failed.Kind, failed.Reason, Backlog, MaxRetryDelay.TotalSeconds);
        }

        Volatile.Write(ref _failure, failed);
        if (Volatile.Read(ref _disposed) == 0)
        {
            _ = _retryTimer.Change(_retryDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Succeeded(EmitResult round)
    {
        if (Failure is null)
        {
            return;
        }

        Log.SinkRecovered(_logger, (_clock.GetUtcNow() - _failingSince).TotalSeconds, round.Emitted + round.Recovered);
        Volatile.Write(ref _failure, null);
        _retryDelay = FirstRetryDelay;
    }

    // Only the drain holding the gate calls this, so covered only grows.
    private void Cover(long upTo)
    {
        if (upTo > Interlocked.Read(ref _covered))
        {
            _ = Interlocked.Exchange(ref _covered, upTo);
        }

        _ = Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

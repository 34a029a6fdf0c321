using System.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Emitting;

/// <summary>A sink that cannot write (a full disk): retried on the pump's own schedule, logged once per change of state.</summary>
public sealed class EmitPumpFailureTests : IDisposable
{
    private const int SinkFailingEvent = 121;
    private const int SinkCrashedEvent = 122;
    private const int SinkRecoveredEvent = 123;

    private static readonly EmitFailure DiskFull = new(EmitFailureKind.OutputNotWritable, "No space left on device : '/out/articles.jsonl'");

    // Long enough for a background round to have started if one was going to.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory logs = new();
    private readonly ScriptedSink sink = new();
    private readonly EmitPump pump;

    public EmitPumpFailureTests() => pump = new EmitPump(sink, logs.CreateLogger<EmitPump>(), timeProvider: time);

    public void Dispose() => pump.Dispose();

    [Fact]
    public async Task SinkFails_RetriedOnItsOwnAfterOneSecondThenDoublingUpToTenSeconds()
    {
        sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);

        var rounds = 1;
        foreach (var delay in new[] { 1, 2, 4, 8, 10, 10 })
        {
            time.Advance(TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            await Task.Delay(Settle);
            Assert.Equal(rounds, sink.Rounds);

            time.Advance(TimeSpan.FromMilliseconds(1));
            await RoundsReachAsync(++rounds);
        }

        Assert.Equal(DiskFull, pump.Failure);
    }

    [Fact]
    public async Task SinkFailsThenFrees_BacklogWrittenByTheRetriesWithoutAnyNewClaim()
    {
        sink.FailuresLeft = 2;
        ClaimAndSignal(5);
        await RoundsReachAsync(1);
        Assert.Equal(5, pump.Backlog);

        time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);
        time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);
        await EventuallyAsync(() => pump.Backlog == 0);

        Assert.Equal(Enumerable.Range(1, 5), sink.Written);
        Assert.Null(pump.Failure);
    }

    [Fact]
    public async Task SinkFailsManyTimes_OneWarningWhenItStartsFailingAndOneLineWhenItWritesAgain()
    {
        sink.FailuresLeft = 12;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);
        for (var round = 2; round <= 13; round++)
        {
            ClaimAndSignal(3);
            time.Advance(EmitPump.MaxRetryDelay);
            await RoundsReachAsync(round);
        }

        await EventuallyAsync(() => pump.Failure is null);
        Assert.Equal(1, logs.Count(SinkFailingEvent));
        Assert.Equal(1, logs.Count(SinkRecoveredEvent));
        var warning = Assert.Single(logs.Entries, entry => entry.EventId.Id == SinkFailingEvent);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("OutputNotWritable", warning.Message, StringComparison.Ordinal);
        Assert.Contains("/out/articles.jsonl", warning.Message, StringComparison.Ordinal);
        var recovered = Assert.Single(logs.Entries, entry => entry.EventId.Id == SinkRecoveredEvent);
        Assert.Contains("37 articles written", recovered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkFailing_ClaimsAndFlushesStartNoRoundsOfTheirOwn()
    {
        sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);

        ClaimAndSignal(100);
        var flushes = new List<EmitResult>();
        for (var i = 0; i < 10; i++)
        {
            flushes.Add(await pump.FlushAsync(CancellationToken.None));
        }

        await Task.Delay(Settle);
        Assert.Equal(1, sink.Rounds);
        Assert.All(flushes, flush => Assert.Equal(DiskFull, flush.Failure));
    }

    [Fact]
    public async Task FlushAsync_SinkFails_ReturnsTheFailureInsteadOfThrowing()
    {
        sink.FailuresLeft = 1;
        sink.Claim(1);

        var result = await pump.FlushAsync(CancellationToken.None);

        Assert.Equal(new EmitResult(0, 0, DiskFull), result);
        Assert.Equal(DiskFull, pump.Failure);
    }

    [Fact]
    public async Task SinkThrows_LoggedOnceAsAnErrorWithTheExceptionAndRetriedLikeAFailure()
    {
        sink.ThrowsLeft = 3;
        ClaimAndSignal(2);
        await RoundsReachAsync(1);
        Assert.Equal(EmitFailureKind.SinkCrashed, pump.Failure?.Kind);

        time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);
        time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);
        time.Advance(TimeSpan.FromSeconds(4));
        await RoundsReachAsync(4);
        await EventuallyAsync(() => pump.Failure is null);

        var error = Assert.Single(logs.Entries, entry => entry.EventId.Id == SinkCrashedEvent);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(0, logs.Count(SinkFailingEvent));
        Assert.Equal(1, logs.Count(SinkRecoveredEvent));
        Assert.Equal([1, 2], sink.Written);
    }

    [Fact]
    public async Task SinkFailsAnotherWay_TheNewKindOfFailureIsLoggedToo()
    {
        sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);
        time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);

        sink.NextFailure = new EmitFailure(EmitFailureKind.QueueNotWritable, "database or disk is full");
        time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);

        Assert.Equal(2, logs.Count(SinkFailingEvent));
    }

    private void ClaimAndSignal(int count)
    {
        for (var i = 0; i < count; i++)
        {
            sink.Claim(sink.Claimed + 1);
            pump.Signal();
        }
    }

    private Task RoundsReachAsync(int rounds) => EventuallyAsync(() => sink.Rounds >= rounds && !sink.InRound);

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "condition not reached within 10 s");
            await Task.Delay(10);
        }

        // Let the round that made it true finish its bookkeeping in the pump.
        await Task.Delay(20);
    }

    /// <summary>An outbox whose rounds fail (or throw) a given number of times, then write everything queued.</summary>
    private sealed class ScriptedSink : IArticleSink
    {
        private readonly Lock sync = new();
        private readonly List<int> queued = [];
        private readonly List<int> written = [];
        private int rounds;
        private int inRound;

        public int FailuresLeft { get; set; }

        public int ThrowsLeft { get; set; }

        public EmitFailure NextFailure { get; set; } = DiskFull;

        public int Claimed { get; private set; }

        public int Rounds => Volatile.Read(ref rounds);

        public bool InRound => Volatile.Read(ref inRound) == 1;

        public IReadOnlyList<int> Written
        {
            get
            {
                lock (sync)
                {
                    return written.ToList();
                }
            }
        }

        public void Claim(int article)
        {
            lock (sync)
            {
                queued.Add(article);
                Claimed++;
            }
        }

        public Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref inRound, 1);
            try
            {
                lock (sync)
                {
                    if (ThrowsLeft > 0)
                    {
                        ThrowsLeft--;
                        throw new InvalidOperationException("sink bug");
                    }

                    if (FailuresLeft > 0)
                    {
                        FailuresLeft--;
                        return Task.FromResult(new EmitResult(0, 0, NextFailure));
                    }

                    written.AddRange(queued);
                    var count = queued.Count;
                    queued.Clear();
                    return Task.FromResult(new EmitResult(count));
                }
            }
            finally
            {
                _ = Interlocked.Increment(ref rounds);
                Volatile.Write(ref inRound, 0);
            }
        }
    }
}

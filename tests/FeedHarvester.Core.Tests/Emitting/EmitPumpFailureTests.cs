using System.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
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

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory _logs = new();
    private readonly ScriptedSink _sink = new();
    private readonly EmitPump _pump;

    public EmitPumpFailureTests() => _pump = new EmitPump(_sink, _logs.CreateLogger<EmitPump>(), new SchedulingOptions(), _time);

    public void Dispose() => _pump.Dispose();

    [Fact]
    public async Task SinkFails_RetriedOnItsOwnAfterOneSecondThenDoublingUpToTenSeconds()
    {
        _sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);

        var rounds = 1;
        foreach (var delay in new[] { 1, 2, 4, 8, 10, 10 })
        {
            _time.Advance(TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            await Task.Delay(Settle);
            Assert.Equal(rounds, _sink.Rounds);

            _time.Advance(TimeSpan.FromMilliseconds(1));
            await RoundsReachAsync(++rounds);
        }

        Assert.Equal(DiskFull, _pump.Failure);
    }

    [Fact]
    public async Task SinkFailsThenFrees_BacklogWrittenByTheRetriesWithoutAnyNewClaim()
    {
        _sink.FailuresLeft = 2;
        ClaimAndSignal(5);
        await RoundsReachAsync(1);
        Assert.Equal(5, _pump.Backlog);

        _time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);
        await EventuallyAsync(() => _pump.Backlog == 0);

        Assert.Equal(Enumerable.Range(1, 5), _sink.Written);
        Assert.Null(_pump.Failure);
    }

    [Fact]
    public async Task SinkFailsManyTimes_OneWarningWhenItStartsFailingAndOneLineWhenItWritesAgain()
    {
        _sink.FailuresLeft = 12;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);
        for (var round = 2; round <= 13; round++)
        {
            ClaimAndSignal(3);
            _time.Advance(EmitPump.MaxRetryDelay);
            await RoundsReachAsync(round);
        }

        await EventuallyAsync(() => _pump.Failure is null);
        Assert.Equal(1, _logs.Count(SinkFailingEvent));
        Assert.Equal(1, _logs.Count(SinkRecoveredEvent));
        var warning = Assert.Single(_logs.Entries, entry => entry.EventId.Id == SinkFailingEvent);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("OutputNotWritable", warning.Message, StringComparison.Ordinal);
        Assert.Contains("/out/articles.jsonl", warning.Message, StringComparison.Ordinal);
        var recovered = Assert.Single(_logs.Entries, entry => entry.EventId.Id == SinkRecoveredEvent);
        Assert.Contains("37 articles written", recovered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinkFailing_ClaimsAndFlushesStartNoRoundsOfTheirOwn()
    {
        _sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);

        ClaimAndSignal(100);
        var flushes = new List<EmitResult>();
        for (var i = 0; i < 10; i++)
        {
            flushes.Add(await _pump.FlushAsync(CancellationToken.None));
        }

        await Task.Delay(Settle);
        Assert.Equal(1, _sink.Rounds);
        Assert.All(flushes, flush => Assert.Equal(DiskFull, flush.Failure));
    }

    [Fact]
    public async Task FlushAsync_SinkFails_ReturnsTheFailureInsteadOfThrowing()
    {
        _sink.FailuresLeft = 1;
        _sink.Claim(1);

        var result = await _pump.FlushAsync(CancellationToken.None);

        Assert.Equal(new EmitResult(0, 0, DiskFull), result);
        Assert.Equal(DiskFull, _pump.Failure);
    }

    [Fact]
    public async Task SinkThrows_LoggedOnceAsAnErrorWithTheExceptionAndRetriedLikeAFailure()
    {
        _sink.ThrowsLeft = 3;
        ClaimAndSignal(2);
        await RoundsReachAsync(1);
        Assert.Equal(EmitFailureKind.SinkCrashed, _pump.Failure?.Kind);

        _time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);
        _time.Advance(TimeSpan.FromSeconds(4));
        await RoundsReachAsync(4);
        await EventuallyAsync(() => _pump.Failure is null);

        var error = Assert.Single(_logs.Entries, entry => entry.EventId.Id == SinkCrashedEvent);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(0, _logs.Count(SinkFailingEvent));
        Assert.Equal(1, _logs.Count(SinkRecoveredEvent));
        Assert.Equal([1, 2], _sink.Written);
    }

    [Fact]
    public async Task SinkFailsAnotherWay_TheNewKindOfFailureIsLoggedToo()
    {
        _sink.FailuresLeft = int.MaxValue;
        ClaimAndSignal(1);
        await RoundsReachAsync(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await RoundsReachAsync(2);

        _sink.NextFailure = new EmitFailure(EmitFailureKind.QueueNotWritable, "database or disk is full");
        _time.Advance(TimeSpan.FromSeconds(2));
        await RoundsReachAsync(3);

        Assert.Equal(2, _logs.Count(SinkFailingEvent));
    }

    private void ClaimAndSignal(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _sink.Claim(_sink.Claimed + 1);
            _pump.Signal();
        }
    }

    private Task RoundsReachAsync(int rounds) => EventuallyAsync(() => _sink.Rounds >= rounds && !_sink.InRound);

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
        private readonly Lock _sync = new();
        private readonly List<int> _queued = [];
        private readonly List<int> _written = [];
        private int _rounds;
        private int _inRound;

        public int FailuresLeft { get; set; }

        public int ThrowsLeft { get; set; }

        public EmitFailure NextFailure { get; set; } = DiskFull;

        public int Claimed { get; private set; }

        public int Rounds => Volatile.Read(ref _rounds);

        public bool InRound => Volatile.Read(ref _inRound) == 1;

        public IReadOnlyList<int> Written
        {
            get
            {
                lock (_sync)
                {
                    return _written.ToList();
                }
            }
        }

        public void Claim(int article)
        {
            lock (_sync)
            {
                _queued.Add(article);
                Claimed++;
            }
        }

        public Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _inRound, 1);
            try
            {
                lock (_sync)
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

                    _written.AddRange(_queued);
                    var count = _queued.Count;
                    _queued.Clear();
                    return Task.FromResult(new EmitResult(count));
                }
            }
            finally
            {
                _ = Interlocked.Increment(ref _rounds);
                Volatile.Write(ref _inRound, 0);
            }
        }
    }
}

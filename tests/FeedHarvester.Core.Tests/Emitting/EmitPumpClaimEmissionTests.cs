using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Tests.Emitting;

public sealed class EmitPumpClaimEmissionTests
{
    [Fact]
    public async Task Signal_SinkWhoseClaimsAreTheEmission_RunsNoRoundAndLeavesNoBacklog()
    {
        var sink = new CountingSink { EmitsOnClaim = true, Held = true };
        using var pump = new EmitPump(sink, NullLogger<EmitPump>.Instance, new SchedulingOptions { MaxEmitBacklog = 2 }, TimeProvider.System);

        for (var i = 0; i < 5; i++)
        {
            pump.Signal();
        }

        // A round, had one started, would be held inside the sink and counted; the backlog would stay at 5.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, sink.Rounds);
        Assert.Equal(0, pump.Backlog);
        Assert.True(pump.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Signal_SinkThatQueues_RunsARound()
    {
        var sink = new CountingSink { Held = true };
        using var pump = new EmitPump(sink, NullLogger<EmitPump>.Instance, new SchedulingOptions(), TimeProvider.System);

        pump.Signal();

        await sink.RoundStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, pump.Backlog);
    }

    [Fact]
    public async Task Recover_ArticlesLeftQueued_WritesThemAndLogsTheCountOnce()
    {
        var logs = new CapturingLoggerFactory();
        using var pump = new EmitPump(new CountingSink { Recovers = 2, Emits = 3 }, logs.CreateLogger<EmitPump>(), new SchedulingOptions(), TimeProvider.System);

        var recovered = await pump.RecoverAsync(CancellationToken.None);

        Assert.Equal(5, recovered);
        Assert.Equal(1, logs.Count(eventId: 120));
    }

    [Fact]
    public async Task Recover_NothingQueued_LogsNothing()
    {
        var logs = new CapturingLoggerFactory();
        using var pump = new EmitPump(new CountingSink(), logs.CreateLogger<EmitPump>(), new SchedulingOptions(), TimeProvider.System);

        Assert.Equal(0, await pump.RecoverAsync(CancellationToken.None));
        Assert.Empty(logs.Entries);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TimedArticleSink_SaysWhatTheSinkItTimesSays(bool emitsOnClaim)
    {
        using var metrics = new HarvestMetrics();

        IArticleSink timed = new TimedArticleSink(new CountingSink { EmitsOnClaim = emitsOnClaim }, metrics);

        Assert.Equal(emitsOnClaim, timed.EmitsOnClaim);
    }

    private sealed class CountingSink : IArticleSink
    {
        private int _rounds;

        public bool EmitsOnClaim { get; init; }

        /// <summary>Rounds wait inside the sink for good: a round that started is visible, and never finishes.</summary>
        public bool Held { get; init; }

        public int Emits { get; init; }

        public int Recovers { get; init; }

        public int Rounds => Volatile.Read(ref _rounds);

        public TaskCompletionSource RoundStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
        {
            _ = Interlocked.Increment(ref _rounds);
            _ = RoundStarted.TrySetResult();
            if (Held)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new EmitResult(Emits, Recovers);
        }
    }
}

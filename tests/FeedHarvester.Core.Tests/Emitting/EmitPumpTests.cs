using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Tests.Emitting;

public sealed class EmitPumpTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task WaitForRoom_SlowSink_ProducerHeldAtTheBacklogLimitAndNothingDropped()
    {
        var sink = new GatedSink();
        var pump = new EmitPump(sink, NullLogger<EmitPump>.Instance, new SchedulingOptions { MaxEmitBacklog = 3 }, TimeProvider.System);
        var producer = ProduceAsync(pump, sink, 10);

        // The sink writes nothing yet: the producer claims up to the limit and then waits.
        await Task.Delay(Settle);
        Assert.False(producer.IsCompleted);
        Assert.Equal(3, sink.Claimed);
        Assert.Equal(3, pump.Backlog);

        // Each round the sink is let through makes room, until every claim is written.
        while (!producer.IsCompleted)
        {
            sink.AllowRound();
            await Task.WhenAny(producer, Task.Delay(Settle));
            Assert.True(pump.Backlog <= 3, $"backlog {pump.Backlog} above the limit");
        }

        await producer;
        sink.AllowRounds(100);
        _ = await pump.FlushAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10), sink.Written.Order());
        Assert.Equal(0, pump.Backlog);
    }

    [Fact]
    public async Task WaitForRoom_SinkFailsThenRecovers_ProducerRetriesWithoutNewClaimsAndNothingIsLost()
    {
        var sink = new GatedSink { FailuresLeft = 3 };
        sink.AllowRounds(1000);
        var pump = new EmitPump(sink, NullLogger<EmitPump>.Instance, new SchedulingOptions { MaxEmitBacklog = 2 }, TimeProvider.System);

        await ProduceAsync(pump, sink, 6).WaitAsync(TimeSpan.FromSeconds(30));
        _ = await pump.FlushAsync(CancellationToken.None);

        Assert.Equal(0, sink.FailuresLeft);
        Assert.Equal(Enumerable.Range(1, 6), sink.Written.Order());
    }

    [Fact]
    public async Task WaitForRoom_BacklogBelowLimit_ReturnsAtOnce()
    {
        var pump = new EmitPump(new GatedSink(), NullLogger<EmitPump>.Instance, new SchedulingOptions { MaxEmitBacklog = 5 }, TimeProvider.System);
        pump.Signal();

        Assert.True(pump.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    // What the pipeline does per entry: wait for room, claim (queue the article), signal.
    private static Task ProduceAsync(EmitPump pump, GatedSink sink, int count) => Task.Run(async () =>
    {
        for (var i = 1; i <= count; i++)
        {
            await pump.WaitForRoomAsync(CancellationToken.None);
            sink.Claim(i);
            pump.Signal();
        }
    });

    /// <summary>An outbox and a sink whose rounds only run when let through; each round writes everything queued.</summary>
    private sealed class GatedSink : IArticleSink
    {
        private readonly SemaphoreSlim _rounds = new(0);
        private readonly List<int> _queued = [];
        private readonly List<int> _written = [];

        public int FailuresLeft { get; set; }

        public int Claimed { get; private set; }

        public IReadOnlyList<int> Written
        {
            get
            {
                lock (_queued)
                {
                    return _written.ToList();
                }
            }
        }

        public void Claim(int article)
        {
            lock (_queued)
            {
                _queued.Add(article);
                Claimed++;
            }
        }

        public void AllowRound() => _rounds.Release();

        public void AllowRounds(int count) => _rounds.Release(count);

        public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
        {
            await _rounds.WaitAsync(cancellationToken);
            lock (_queued)
            {
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new IOException("sink unavailable");
                }

                _written.AddRange(_queued);
                var count = _queued.Count;
                _queued.Clear();
                return new EmitResult(count);
            }
        }
    }
}

using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

/// <summary><c>tail --group</c> while Redis restarts (with its AOF, so the group survives): nothing lost, nothing printed twice.</summary>
public sealed class RedisArticleTailRestartTests
{
    private const int ConnectionLostEvent = 330;
    private const int ConnectionBackEvent = 331;
    private const string Group = "operators";
    private const string Consumer = "tester";

    [Fact]
    public async Task FollowGroup_RedisKilledAndRestarted_CarriesOnWithEveryEntryOnceAndLogsEachWayOnce()
    {
        await using var server = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var run = await TailRun.StartAsync(server);
        await run.ClaimAsync(1, 2, 3);
        await run.ReadAsync(3);

        await server.KillAsync();
        run.AskForNext();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(run.NextArrived);
        await server.StartAgainAsync();
        await run.ClaimAsync(4, 5, 6);
        await run.ReadAsync(3);

        Assert.Equal(Ids(1, 2, 3, 4, 5, 6), run.Seen);
        Assert.Equal(0, await run.PendingAfterAcknowledgingAsync());
        Assert.Equal(1, run.Logs.Count(ConnectionLostEvent));
        Assert.Equal(1, run.Logs.Count(ConnectionBackEvent));
    }

    [Fact]
    public async Task FollowGroup_EntriesHandedToTheConsumerButNotAcknowledgedWhenRedisWentAway_PrintedAfterItIsBack()
    {
        await using var server = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var run = await TailRun.StartAsync(server);
        await run.ClaimAsync(1);
        await run.ReadAsync(1);

        // The tail is paused after handing out entry 1 (its acknowledgement not sent yet); two more entries are read for
        // this consumer, as a batch the tail had read when Redis died before it printed and acknowledged them.
        await run.ClaimAsync(2, 3);
        Assert.Equal(2, (await run.Database.StreamReadGroupAsync(run.Options.StreamKey, Group, Consumer, StreamPosition.NewMessages)).Length);
        await server.KillAsync();
        run.AskForNext();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await server.StartAgainAsync();
        await run.ClaimAsync(4);
        await run.ReadAsync(3);

        Assert.Equal(Ids(1, 2, 3, 4), run.Seen);
        Assert.Equal(0, await run.PendingAfterAcknowledgingAsync());
    }

    [Fact]
    public async Task FollowGroup_RedisBackWithTheGroupBehindWhatWasAcknowledged_NothingPrintedTwice()
    {
        await using var server = await RedisServer.StartAsync("--appendonly", "yes", "--appendfsync", "always");
        await using var run = await TailRun.StartAsync(server);
        await run.ClaimAsync(1, 2);
        await run.ReadAsync(2);
        run.AskForNext();

        // As a Redis restored from an AOF that lost its last second: the group's position is back before entries already acknowledged.
        await server.KillAsync();
        await server.StartAgainAsync();
        _ = await WhenBackAsync(() => run.Database.ExecuteAsync("XGROUP", "SETID", run.Options.StreamKey, Group, "0"));
        await run.ClaimAsync(3);
        await run.ReadAsync(1);

        Assert.Equal(Ids(1, 2, 3), run.Seen);
    }

    private static List<string> Ids(params int[] numbers) => numbers.Select(n => TestArticles.Create(n).Id).ToList();

    // The test's own multiplexer needs a moment to reconnect after a restart; a command that fails meanwhile is retried.
    private static async Task<T> WhenBackAsync<T>(Func<Task<T>> command)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (RedisConnectionException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A tail of one group with its claims and what it printed; asks for the next entry only when told to.</summary>
    private sealed class TailRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
        private readonly ConnectionMultiplexer _connection;
        private readonly RedisHarvestStore _store;
        private readonly IAsyncEnumerator<StreamArticle> _tail;
        private Task<bool>? _next;

        private TailRun(RedisServer server)
        {
            Options = TestRedis.Options(server.Configuration);
            _connection = RedisConnectionFactory.Connect(Options);
            _store = new RedisHarvestStore(_connection, Options, NullLogger<RedisHarvestStore>.Instance);
            _tail = new RedisArticleTail(_connection, Options, Logs.CreateLogger<RedisArticleTail>()).FollowAsync(Group, Consumer, _timeout.Token).GetAsyncEnumerator(_timeout.Token);
        }

        public RedisOptions Options { get; }

        public CapturingLoggerFactory Logs { get; } = new();

        public List<string> Seen { get; } = [];

        public IDatabase Database => _connection.GetDatabase();

        public bool NextArrived => _next is { IsCompleted: true };

        /// <summary>Starts following; the group is created at the stream's end by the first read.</summary>
        public static async Task<TailRun> StartAsync(RedisServer server)
        {
            var run = new TailRun(server);
            run.AskForNext();
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            return run;
        }

        public void AskForNext() => _next ??= _tail.MoveNextAsync().AsTask();

        public async Task ReadAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                AskForNext();
                Assert.True(await _next!);
                _next = null;
                Seen.Add(_tail.Current.ArticleId);
            }
        }

        public async Task ClaimAsync(params int[] numbers)
        {
            foreach (var n in numbers)
            {
                var article = TestArticles.Create(n);
                Assert.True((await WhenBackAsync(() => _store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None))).IsNew);
            }
        }

        /// <summary>Lets the tail acknowledge what it last handed out (it does so when asked for the next entry), then counts the group's pending entries.</summary>
        public async Task<long> PendingAfterAcknowledgingAsync()
        {
            AskForNext();
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            return (await Database.StreamPendingAsync(Options.StreamKey, Group)).PendingMessageCount;
        }

        public async ValueTask DisposeAsync()
        {
            await _timeout.CancelAsync();
            if (_next is not null)
            {
                _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _next);
            }

            await _tail.DisposeAsync();
            await _connection.DisposeAsync();
            _timeout.Dispose();
        }
    }
}

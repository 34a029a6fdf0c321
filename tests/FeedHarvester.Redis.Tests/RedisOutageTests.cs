using System.Diagnostics;
using FeedHarvester.Deduplication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

/// <summary>Redis down: claims fail fast, the worker keeps running, and the state change is said once each way.</summary>
public sealed class RedisOutageTests
{
    private const int UnreachableEvent = 310;
    private const int ReachableAgainEvent = 311;
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Claim_RedisDown_FailsFastAndMonitorLogsUnreachableOnceThenReachableAgainOnce()
    {
        await using var server = await RedisServer.StartAsync();
        var options = TestRedis.Options(server.Configuration);
        var logs = new CapturingLoggerFactory();
        await using var connection = RedisConnectionFactory.Connect(options);
        using var monitor = new RedisConnectionMonitor(connection, logs.CreateLogger<RedisConnectionMonitor>());
        var store = new RedisHarvestStore(connection, options, NullLogger<RedisHarvestStore>.Instance);
        Assert.True((await ClaimAsync(store, 1)).IsNew);

        await server.KillAsync();
        await WaitUntilAsync(() => !monitor.IsConnected, "the monitor to see Redis go away");

        for (var n = 2; n < 7; n++)
        {
            await AssertFailsFastAsync(store, n, options.OperationTimeout);
        }

        // Several reconnect attempts fail meanwhile; each raises ConnectionFailed, none may log again.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, logs.Count(UnreachableEvent));
        Assert.Equal(0, logs.Count(ReachableAgainEvent));

        await server.StartAgainAsync();
        await WaitUntilAsync(() => monitor.IsConnected, "the client to reconnect");
        Assert.True((await ClaimAsync(store, 7)).IsNew);

        Assert.Equal(1, logs.Count(UnreachableEvent));
        await WaitUntilAsync(() => logs.Count(ReachableAgainEvent) == 1, "the reachable-again line");
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == UnreachableEvent && entry.Level == LogLevel.Warning
            && entry.Message.StartsWith("Redis unreachable", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == ReachableAgainEvent
            && entry.Message.StartsWith("Redis reachable again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddRedisStore_RedisDownAtStartUp_StartsClaimsFailThenCatchesUpWhenRedisStarts()
    {
        var port = RedisServer.FreePort();
        var options = TestRedis.Options($"127.0.0.1:{port}");
        var logs = new CapturingLoggerFactory();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(logs).AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        await using var provider = services.AddRedisStore(options).BuildServiceProvider();

        var clock = Stopwatch.StartNew();
        var store = provider.GetRequiredService<IDedupeStore>();
        Assert.True(clock.Elapsed < options.ConnectTimeout + TimeSpan.FromSeconds(3), $"start-up waited {clock.Elapsed} for an unreachable Redis");
        var monitor = provider.GetRequiredService<RedisConnectionMonitor>();
        Assert.False(monitor.IsConnected);
        await AssertFailsFastAsync(store, 1, options.OperationTimeout);
        Assert.Equal(1, logs.Count(UnreachableEvent));

        await using var server = await RedisServer.StartOnPortAsync(port);
        await WaitUntilAsync(() => monitor.IsConnected, "the client to connect");

        Assert.True((await ClaimAsync(store, 1)).IsNew);
        await WaitUntilAsync(() => logs.Count(ReachableAgainEvent) == 1, "the reachable-again line");
        Assert.Equal(1, logs.Count(UnreachableEvent));
    }

    private static Task<DedupeVerdict> ClaimAsync(IDedupeStore store, int n)
    {
        var article = TestArticles.Create(n);
        return store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);
    }

    private static async Task AssertFailsFastAsync(IDedupeStore store, int n, TimeSpan operationTimeout)
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ClaimAsync(store, n));
        Assert.True(error is RedisConnectionException or RedisTimeoutException, $"unexpected {error.GetType().Name}: {error.Message}");
        Assert.True(clock.Elapsed < operationTimeout + TimeSpan.FromSeconds(1), $"a claim against a down Redis took {clock.Elapsed}");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < ReconnectDeadline, $"Timed out after {ReconnectDeadline} waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

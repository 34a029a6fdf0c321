using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisServiceCollectionExtensionsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AddRedisStore_ResolvesEveryContractAsOneSingletonEach()
    {
        await using var provider = new ServiceCollection().AddLogging().AddRedisStore(redis.NewOptions()).BuildServiceProvider();

        var store = Assert.IsType<RedisHarvestStore>(provider.GetRequiredService<IDedupeStore>());
        Assert.Same(store, provider.GetRequiredService<IFeedStateStore>());
        Assert.Same(store, provider.GetRequiredService<RedisHarvestStore>());
        _ = Assert.IsType<RedisArticleSink>(provider.GetRequiredService<IArticleSink>());
        _ = Assert.IsType<RedisPollLease>(provider.GetRequiredService<IPollLease>());
        Assert.Same(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<IConnectionMultiplexer>());
        Assert.True(provider.GetRequiredService<RedisConnectionMonitor>().IsConnected);
        Assert.Equal(new EmitResult(0), await provider.GetRequiredService<IArticleSink>().EmitPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisposingTheProvider_ClosesTheConnection()
    {
        var provider = new ServiceCollection().AddLogging().AddRedisStore(redis.NewOptions()).BuildServiceProvider();
        var connection = provider.GetRequiredService<IConnectionMultiplexer>();
        Assert.True(connection.IsConnected);

        await provider.DisposeAsync();

        Assert.False(connection.IsConnected);
    }
}

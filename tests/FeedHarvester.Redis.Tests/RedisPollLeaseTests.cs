using StackExchange.Redis;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisPollLeaseTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string FeedUrl = "https://example.org/feed.xml";
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TryAcquire_HeldByAnotherWorker_ReturnsNull()
    {
        var options = redis.NewOptions();
        var first = CreateLease(options);
        var second = CreateLease(options);

        await using var held = await first.TryAcquireAsync(FeedUrl, Long, None);

        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync(FeedUrl, Long, None));
        Assert.NotNull(await second.TryAcquireAsync("https://example.org/other.xml", Long, None));
    }

    [Fact]
    public async Task TryAcquire_AfterHolderReleased_Succeeds()
    {
        var options = redis.NewOptions();
        var held = await CreateLease(options).TryAcquireAsync(FeedUrl, Long, None);

        await held!.DisposeAsync();

        Assert.NotNull(await CreateLease(options).TryAcquireAsync(FeedUrl, Long, None));
    }

    [Fact]
    public async Task TryAcquire_AfterHolderDiedAndLeaseExpired_Succeeds()
    {
        var options = redis.NewOptions();

        // Never disposed, and its connection dropped: the holder "died" holding it, so nobody renews it.
        using (var dying = await ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateConfiguration(options)))
        {
            Assert.NotNull(await new RedisPollLease(dying, options, NullLogger<RedisPollLease>.Instance).TryAcquireAsync(FeedUrl, TimeSpan.FromSeconds(3), None));
        }

        var other = CreateLease(options);
        Assert.Null(await other.TryAcquireAsync(FeedUrl, Long, None));

        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.NotNull(await other.TryAcquireAsync(FeedUrl, Long, None));
    }

    [Fact]
    public async Task Release_ByHolderWhoseLeaseExpiredAndWasRetaken_LeavesTheNewHolderAlone()
    {
        var options = redis.NewOptions();
        // A holder cut off from Redis (its renewals fail) whose lease lapses and is taken over.
        await using var stale = await CreateLease(options).TryAcquireAsync(FeedUrl, TimeSpan.FromMilliseconds(300), None);
        await redis.Connection.GetDatabase().KeyDeleteAsync($"{options.KeyPrefix}lease:{FeedUrl}");
        await using var current = await CreateLease(options).TryAcquireAsync(FeedUrl, Long, None);
        Assert.NotNull(current);

        await stale!.DisposeAsync();

        Assert.Null(await CreateLease(options).TryAcquireAsync(FeedUrl, Long, None));
    }

    [Fact]
    public async Task TryAcquire_LongerThanPollLeaseDuration_IsShortenedToIt()
    {
        var options = redis.NewOptions();
        options.PollLeaseDuration = TimeSpan.FromSeconds(30);

        await using var held = await CreateLease(options).TryAcquireAsync(FeedUrl, TimeSpan.FromHours(1), None);

        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync($"{options.KeyPrefix}lease:{FeedUrl}");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Held_LongerThanItsDuration_RenewedWhileHeld()
    {
        var options = redis.NewOptions();

        await using var held = await CreateLease(options).TryAcquireAsync(FeedUrl, TimeSpan.FromSeconds(1.5), None);
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Null(await CreateLease(options).TryAcquireAsync(FeedUrl, Long, None));
    }

    private RedisPollLease CreateLease(RedisOptions options) =>
        new(redis.Connection, options, NullLogger<RedisPollLease>.Instance);
}

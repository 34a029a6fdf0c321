using FeedHarvester.Feeds;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisHarvestStoreFeedStateTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly FeedState Full = new()
    {
        FeedUrl = "https://example.org/feed.xml",
        ETag = "W/\"abc\"",
        LastModified = "Mon, 02 Jun 2025 12:00:00 GMT",
        LastOutcome = "ok",
        LastMessage = "3 new — ünïcode",
        LastPolledAt = new DateTimeOffset(2025, 6, 2, 12, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567),
        LastSuccessAt = new DateTimeOffset(2025, 6, 2, 11, 0, 0, TimeSpan.Zero),
        NextPollAt = new DateTimeOffset(2025, 6, 2, 12, 30, 0, TimeSpan.FromHours(-5)),
        ConsecutiveErrors = 2,
        ArticlesEmitted = 5_000_000_000,
        Status = FeedStatus.Broken,
        CurrentUrl = "https://example.org/new-feed.xml",
        RedirectCandidate = "https://example.org/newer-feed.xml",
        RedirectSeenCount = 3,
        PollInterval = TimeSpan.FromMinutes(17).Add(TimeSpan.FromTicks(1)),
    };

    [Fact]
    public async Task SaveThenGet_EveryFieldSet_RoundTripsExactly()
    {
        var store = CreateStore();

        await store.SaveFeedStateAsync(Full, None);

        var loaded = await store.GetFeedStateAsync(Full.FeedUrl, None);
        Assert.Equal(Full, loaded);
        Assert.Equal(Full.LastPolledAt!.Value.Offset, loaded!.LastPolledAt!.Value.Offset);
    }

    [Fact]
    public async Task SaveThenGet_OnlyRequiredFields_RoundTripsWithNulls()
    {
        var store = CreateStore();
        var state = FeedState.New("https://example.org/minimal.xml") with { Status = FeedStatus.Gone };

        await store.SaveFeedStateAsync(state, None);

        Assert.Equal(state, await store.GetFeedStateAsync(state.FeedUrl, None));
    }

    [Fact]
    public async Task Save_MemberClearedToNull_RemovesIt()
    {
        var store = CreateStore();
        await store.SaveFeedStateAsync(Full, None);
        var cleared = Full with { ETag = null, RedirectCandidate = null, PollInterval = null, Status = FeedStatus.Active };

        await store.SaveFeedStateAsync(cleared, None);

        Assert.Equal(cleared, await store.GetFeedStateAsync(Full.FeedUrl, None));
    }

    [Fact]
    public async Task Get_NeverSaved_ReturnsNull()
    {
        Assert.Null(await CreateStore().GetFeedStateAsync("https://example.org/unknown.xml", None));
    }

    [Fact]
    public async Task List_SeveralFeeds_ReturnsEachOnceOrderedByUrl()
    {
        var store = CreateStore();
        string[] urls = ["https://b.example/feed", "https://a.example/feed", "https://C.example/feed"];
        foreach (var url in urls)
        {
            await store.SaveFeedStateAsync(Full with { FeedUrl = url }, None);
        }

        await store.SaveFeedStateAsync(Full with { FeedUrl = urls[0], ConsecutiveErrors = 9 }, None);

        var listed = await store.ListFeedStatesAsync(None);
        Assert.Equal(urls.Order(StringComparer.Ordinal), listed.Select(state => state.FeedUrl));
        Assert.Equal(9, listed.Single(state => state.FeedUrl == urls[0]).ConsecutiveErrors);
    }

    private RedisHarvestStore CreateStore() =>
        new(redis.Connection, redis.NewOptions(), NullLogger<RedisHarvestStore>.Instance);
}

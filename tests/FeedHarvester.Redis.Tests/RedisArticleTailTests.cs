using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisArticleTailTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(null)]
    [InlineData("operators")]
    public async Task Follow_ArticlesClaimedAfterStart_YieldsOnlyThoseInOrder(string? group)
    {
        var options = redis.NewOptions();
        var store = new RedisHarvestStore(redis.Connection, options, NullLogger<RedisHarvestStore>.Instance);
        var before = TestArticles.Create(1);
        _ = await store.TryClaimAsync(before, TestArticles.KeysOf(before), CancellationToken.None);
        using var timeout = new CancellationTokenSource(Deadline);
        var tail = new RedisArticleTail(redis.Connection, options).FollowAsync(group, "tester", timeout.Token).GetAsyncEnumerator(timeout.Token);

        // The first MoveNext sets the starting point; the claims then run while it waits.
        var first = tail.MoveNextAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var after = new[] { TestArticles.Create(2), TestArticles.Create(3) };
        foreach (var article in after)
        {
            _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);
        }

        Assert.True(await first);
        var seen = new List<StreamArticle> { tail.Current };
        Assert.True(await tail.MoveNextAsync());
        seen.Add(tail.Current);
        await tail.DisposeAsync();

        Assert.Equal(after.Select(article => article.Id), seen.Select(entry => entry.ArticleId));
        Assert.Equal(ArticleJson.Serialize(after[0]), seen[0].Json);
        Assert.Equal(Article.CurrentSchemaVersion, seen[0].SchemaVersion);
    }

    [Fact]
    public async Task Follow_LinkedCopy_YieldsTheLinkedRecordAndItsStoryId()
    {
        var options = redis.NewOptions();
        var store = new RedisHarvestStore(redis.Connection, options, NullLogger<RedisHarvestStore>.Instance);
        using var timeout = new CancellationTokenSource(Deadline);
        var tail = new RedisArticleTail(redis.Connection, options).FollowAsync(null, "tester", timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = tail.MoveNextAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var story = NearCopies.Story(1);
        var original = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        _ = await store.TryClaimAsync(original, NearCopies.KeysOf(original), CancellationToken.None);
        _ = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy), CancellationToken.None);

        Assert.True(await first);
        Assert.True(await tail.MoveNextAsync());
        var linked = tail.Current;
        await tail.DisposeAsync();

        Assert.Equal(copy.Id, linked.ArticleId);
        Assert.Equal(original.Id, linked.StoryId);
        Assert.Equal(ArticleJson.Serialize(copy with { StoryId = original.Id, DuplicateOf = original.Id }), linked.Json);
    }

    [Fact]
    public async Task Follow_EntryWithoutStoryIdField_ReportsTheArticleAsItsOwnStory()
    {
        var options = redis.NewOptions();
        var database = redis.Connection.GetDatabase();
        using var timeout = new CancellationTokenSource(Deadline);
        var tail = new RedisArticleTail(redis.Connection, options).FollowAsync(null, "tester", timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = tail.MoveNextAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        // An entry as versions before story_id wrote it.
        _ = await database.StreamAddAsync(options.StreamKey,
            [new NameValueEntry(RedisStreamFields.Id, "old-article"), new NameValueEntry(RedisStreamFields.SchemaVersion, "1"), new NameValueEntry(RedisStreamFields.Article, "{}")]);

        Assert.True(await next);
        var entry = tail.Current;
        await tail.DisposeAsync();
        Assert.Equal("old-article", entry.StoryId);
    }
}

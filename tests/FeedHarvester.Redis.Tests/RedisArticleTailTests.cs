using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging.Abstractions;

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
}

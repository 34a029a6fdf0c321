using System.Collections.Concurrent;
using FeedHarvester.Deduplication;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisHarvestStoreClaimTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IDatabase Database => redis.Connection.GetDatabase();

    [Fact]
    public async Task TryClaim_NewArticle_ReturnsNewAndAddsOneEntryWithIdSchemaVersionArticleAndStoryId()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = TestArticles.Create(1);

        var verdict = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);

        Assert.Equal(DedupeVerdict.New, verdict);
        var entry = Assert.Single(await Database.StreamRangeAsync(options.StreamKey));
        Assert.Equal(
            [RedisStreamFields.Id, RedisStreamFields.SchemaVersion, RedisStreamFields.Article, RedisStreamFields.StoryId],
            entry.Values.Select(field => field.Name.ToString()));
        Assert.Equal(article.Id, entry[RedisStreamFields.Id]);
        Assert.Equal(article.StoryId, entry[RedisStreamFields.StoryId]);
        Assert.Equal("1", entry[RedisStreamFields.SchemaVersion]);
        var record = entry[RedisStreamFields.Article].ToString();
        Assert.Equal(ArticleJson.Serialize(article), record);
        Assert.Equal(ArticleJson.Serialize(article), ArticleJson.Serialize(ArticleJson.Deserialize(record)));
    }

    [Fact]
    public async Task TryClaim_NewArticle_RecordsEveryKeyWithArticleIdAndEntryId()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = TestArticles.Create(2);
        var keys = TestArticles.KeysOf(article);

        _ = await store.TryClaimAsync(article, keys, None);

        var entryId = (await Database.StreamRangeAsync(options.StreamKey))[0].Id;
        foreach (var key in keys.Keys)
        {
            Assert.Equal($"{article.Id} {entryId}", await Database.StringGetAsync($"{options.KeyPrefix}seen:{key}"));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TryClaim_AnyOneKeySeen_ReturnsDuplicateNamingItAndAddsNoEntry(int seenIndex)
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var first = TestArticles.Create(10);
        _ = await store.TryClaimAsync(first, TestArticles.KeysOf(first), None);

        // A different article sharing exactly one key (the others fresh) with the first one.
        var second = TestArticles.Create(11);
        var keys = TestArticles.KeysOf(second).Keys.ToArray();
        keys[seenIndex] = TestArticles.KeysOf(first).Keys[seenIndex];

        var verdict = await store.TryClaimAsync(second, new DedupeKeys(keys), None);

        Assert.False(verdict.IsNew);
        Assert.Equal(keys[seenIndex], verdict.MatchedKey);
        Assert.Equal(1, await Database.StreamLengthAsync(options.StreamKey));
        foreach (var fresh in keys.Where((_, i) => i != seenIndex))
        {
            Assert.False(await Database.KeyExistsAsync($"{options.KeyPrefix}seen:{fresh}"), $"{fresh} must not be recorded for a duplicate");
        }
    }

    [Fact]
    public async Task TryClaim_SeveralKeysSeen_NamesTheFirstInTheGivenOrder()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = TestArticles.Create(20);
        var keys = TestArticles.KeysOf(article);
        _ = await store.TryClaimAsync(article, keys, None);

        var reversed = new DedupeKeys([.. keys.Keys.Reverse()]);
        var verdict = await store.TryClaimAsync(article, reversed, None);

        Assert.Equal(reversed.Keys[0], verdict.MatchedKey);
    }

    [Fact]
    public async Task TryClaim_EightParallelClaimersOfSameThousandArticles_AddsEachExactlyOnce()
    {
        const int Articles = 1_000;
        const int Claimers = 8;
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var articles = Enumerable.Range(0, Articles).Select(TestArticles.Create).ToArray();
        var newVerdicts = new ConcurrentDictionary<string, int>();

        await Task.WhenAll(Enumerable.Range(0, Claimers).Select(claimer => Task.Run(async () =>
        {
            // Each claimer walks the list from a different point, so claimers really collide on the same articles.
            for (var i = 0; i < Articles; i++)
            {
                var article = articles[(i + (claimer * Articles / Claimers)) % Articles];
                if ((await store.TryClaimAsync(article, TestArticles.KeysOf(article), None)).IsNew)
                {
                    _ = newVerdicts.AddOrUpdate(article.Id, 1, (_, count) => count + 1);
                }
            }
        })));

        var entries = await Database.StreamRangeAsync(options.StreamKey);
        Assert.Equal(Articles, entries.Length);
        Assert.Equal(Articles, entries.Select(entry => entry[RedisStreamFields.Id].ToString()).Distinct().Count());
        Assert.Equal(Articles, newVerdicts.Count);
        Assert.All(newVerdicts.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task TryClaim_NewArticle_SeenKeysExpireAfterTheRetention()
    {
        var options = redis.NewOptions();
        options.SeenKeyRetention = TimeSpan.FromDays(30);
        var store = CreateStore(options);
        var article = TestArticles.Create(30);
        var keys = TestArticles.KeysOf(article);

        _ = await store.TryClaimAsync(article, keys, None);

        foreach (var key in keys.Keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync($"{options.KeyPrefix}seen:{key}");
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        }
    }

    [Fact]
    public async Task TryClaim_MinIdTrimming_DropsEntriesOlderThanTheRetention()
    {
        var options = redis.NewOptions();
        options.StreamTrimming = StreamTrimming.MinId;
        options.StreamRetention = TimeSpan.FromDays(1);
        var database = Database;

        // 200 entries stamped in 1970, far older than a day; the test config packs 10 entries per stream node.
        for (var i = 1; i <= 200; i++)
        {
            _ = await database.StreamAddAsync(options.StreamKey, "id", "old", messageId: $"{i}-0");
        }

        var store = CreateStore(options);
        var article = TestArticles.Create(40);
        _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);

        // Approximate trimming drops whole nodes only, so a few old entries sharing the new entry's node may stay.
        var remaining = await database.StreamRangeAsync(options.StreamKey);
        Assert.InRange(remaining.Length, 1, 11);
        Assert.Equal(article.Id, remaining[^1][RedisStreamFields.Id]);
    }

    [Fact]
    public async Task TryClaim_MinIdTrimming_KeepsEntriesYoungerThanTheRetention()
    {
        var options = redis.NewOptions();
        options.StreamTrimming = StreamTrimming.MinId;
        options.StreamRetention = TimeSpan.FromDays(1);
        var store = CreateStore(options);

        for (var i = 0; i < 300; i++)
        {
            var article = TestArticles.Create(i);
            _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);
        }

        Assert.Equal(300, await Database.StreamLengthAsync(options.StreamKey));
    }

    [Fact]
    public async Task TryClaim_MaxLenTrimming_KeepsAboutMaxLengthEntriesAndTheNewest()
    {
        var options = redis.NewOptions();
        options.StreamTrimming = StreamTrimming.MaxLen;
        options.StreamMaxLength = 100;
        var store = CreateStore(options);

        for (var i = 0; i < 500; i++)
        {
            var article = TestArticles.Create(i);
            _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);
        }

        // Never fewer than asked, and at most one node (10 entries in the test config) more.
        var remaining = await Database.StreamRangeAsync(options.StreamKey);
        Assert.InRange(remaining.Length, 100, 110);
        Assert.Equal(TestArticles.Create(499).Id, remaining[^1][RedisStreamFields.Id]);
    }

    [Fact]
    public async Task TryClaim_TrimmedArticle_IsStillADuplicate()
    {
        var options = redis.NewOptions();
        options.StreamTrimming = StreamTrimming.MaxLen;
        options.StreamMaxLength = 10;
        var store = CreateStore(options);
        for (var i = 0; i < 100; i++)
        {
            var article = TestArticles.Create(i);
            _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);
        }

        var first = TestArticles.Create(0);
        var verdict = await store.TryClaimAsync(first, TestArticles.KeysOf(first), None);

        Assert.False(verdict.IsNew);
    }

    [Fact]
    public async Task TryClaim_NoKeys_Throws()
    {
        var store = CreateStore(redis.NewOptions());

        _ = await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(TestArticles.Create(1), new DedupeKeys([]), None));
    }

    [Fact]
    public async Task FindSeen_ReturnsFirstSeenKeyInOrderOrNull()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = TestArticles.Create(50);
        var keys = TestArticles.KeysOf(article).Keys;
        var fresh = new DedupeKey(DedupeKeyKind.Url, "https://example.org/never");

        Assert.Null(await store.FindSeenAsync(keys, None));
        Assert.Null(await store.FindSeenAsync([], None));
        _ = await store.TryClaimAsync(article, TestArticles.KeysOf(article), None);

        Assert.Equal(keys[1], await store.FindSeenAsync([fresh, keys[1], keys[0]], None));
        Assert.Null(await store.FindSeenAsync([fresh], None));
    }

    [Fact]
    public async Task TryClaim_ScriptFlushedFromServer_StillClaims()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var first = TestArticles.Create(60);
        _ = await store.TryClaimAsync(first, TestArticles.KeysOf(first), None);

        // What a Redis restart does to the script cache: EVALSHA now answers NOSCRIPT and the client must fall back to EVAL.
        Assert.Equal("+OK", await redis.Server.SendAsync("SCRIPT FLUSH"));
        var second = TestArticles.Create(61);
        var verdict = await store.TryClaimAsync(second, TestArticles.KeysOf(second), None);

        Assert.True(verdict.IsNew);
        Assert.Equal(2, await Database.StreamLengthAsync(options.StreamKey));
    }

    private RedisHarvestStore CreateStore(RedisOptions options) =>
        new(redis.Connection, options, NullLogger<RedisHarvestStore>.Instance);
}

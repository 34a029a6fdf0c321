using System.Diagnostics;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis.Tests;

public sealed class RedisHarvestStoreNearCopyTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IDatabase Database => redis.Connection.GetDatabase();

    [Fact]
    public async Task TryClaim_CopyOfAnEarlierStory_EmitsItLinkedInTheRecordAndTheStreamFields()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(1);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        _ = await store.TryClaimAsync(first, NearCopies.KeysOf(first), None);

        var verdict = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy), None);

        var expectedSimilarity = NearCopies.SignatureOf(copy.ContentText).Similarity(NearCopies.SignatureOf(first.ContentText));
        Assert.True(expectedSimilarity >= NearCopies.Threshold, $"precondition: the copies are {expectedSimilarity:F2} alike");
        Assert.True(verdict.IsNew);
        Assert.Equal(new StoryLink(first.Id, first.Id, expectedSimilarity), verdict.Story);
        var entry = (await Database.StreamRangeAsync(options.StreamKey))[1];
        Assert.Equal(
            [RedisStreamFields.Id, RedisStreamFields.SchemaVersion, RedisStreamFields.Article, RedisStreamFields.StoryId, RedisStreamFields.DuplicateOf],
            entry.Values.Select(field => field.Name.ToString()));
        Assert.Equal(copy.Id, entry[RedisStreamFields.Id]);
        Assert.Equal(first.Id, entry[RedisStreamFields.StoryId]);
        Assert.Equal(first.Id, entry[RedisStreamFields.DuplicateOf]);
        var linked = copy with { StoryId = first.Id, DuplicateOf = first.Id };
        Assert.Equal(ArticleJson.Serialize(linked), entry[RedisStreamFields.Article].ToString());
        var readBack = ArticleJson.Deserialize(entry[RedisStreamFields.Article].ToString());
        Assert.Equal((first.Id, first.Id), (readBack.StoryId, readBack.DuplicateOf));
    }

    [Fact]
    public async Task TryClaim_CopyLinked_LeavesTheFirstCopysEntryAsItWas()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(2);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));

        var firstVerdict = await store.TryClaimAsync(first, NearCopies.KeysOf(first), None);
        _ = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy), None);

        Assert.Equal(DedupeVerdict.New, firstVerdict);
        var entry = (await Database.StreamRangeAsync(options.StreamKey))[0];
        Assert.Equal(
            [RedisStreamFields.Id, RedisStreamFields.SchemaVersion, RedisStreamFields.Article, RedisStreamFields.StoryId],
            entry.Values.Select(field => field.Name.ToString()));
        Assert.Equal(first.Id, entry[RedisStreamFields.StoryId]);
        Assert.Equal(ArticleJson.Serialize(first), entry[RedisStreamFields.Article].ToString());
        Assert.Contains($"\"story_id\":\"{first.Id}\",\"duplicate_of\":null", entry[RedisStreamFields.Article].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaim_CopyOfACopy_JoinsTheFirstStoryAndNamesTheCopyItMatchedBest()
    {
        var store = CreateStore(redis.NewOptions());
        var first = NearCopies.Signature(1);
        var second = NearCopies.Changed(first, Enumerable.Range(100, 20), salt: 2);
        var third = NearCopies.Changed(second, Enumerable.Range(0, 10), salt: 3);
        var articles = Enumerable.Range(1, 3).Select(n => TestArticles.Create(n)).ToArray();
        _ = await store.TryClaimAsync(articles[0], NearCopies.KeysOf(articles[0], first), None);
        var secondVerdict = await store.TryClaimAsync(articles[1], NearCopies.KeysOf(articles[1], second), None);

        var verdict = await store.TryClaimAsync(articles[2], NearCopies.KeysOf(articles[2], third), None);

        Assert.Equal(new StoryLink(articles[0].Id, articles[0].Id, NearCopies.Similarity(108)), secondVerdict.Story);
        Assert.Equal(new StoryLink(articles[0].Id, articles[1].Id, NearCopies.Similarity(118)), verdict.Story);
        Assert.True(verdict.IsNew);
    }

    [Fact]
    public async Task TryClaim_SeveralEarlierCopiesAboveTheThreshold_LinksToTheMostSimilarNotTheFirstFound()
    {
        var store = CreateStore(redis.NewOptions());
        var first = NearCopies.Signature(1);

        // The second copy is the newest in every bucket the third shares with both, so it is compared first (98 equal).
        var second = NearCopies.Changed(first, Enumerable.Range(100, 20), salt: 2);
        var third = NearCopies.Changed(first, Enumerable.Range(0, 10), salt: 3);
        var articles = Enumerable.Range(1, 3).Select(n => TestArticles.Create(n)).ToArray();
        _ = await store.TryClaimAsync(articles[0], NearCopies.KeysOf(articles[0], first), None);
        _ = await store.TryClaimAsync(articles[1], NearCopies.KeysOf(articles[1], second), None);

        var verdict = await store.TryClaimAsync(articles[2], NearCopies.KeysOf(articles[2], third), None);

        Assert.Equal(new StoryLink(articles[0].Id, articles[0].Id, NearCopies.Similarity(118)), verdict.Story);
    }

    [Theory]
    [InlineData(0.6, 77, true)]
    [InlineData(0.6, 76, false)]
    [InlineData(MinHashTuning.DefaultSimilarity, 64, true)]
    [InlineData(MinHashTuning.DefaultSimilarity, 63, false)]
    public async Task TryClaim_SimilarityAroundTheThreshold_LinksFromTheFirstShareOf128PositionsReachingIt(double threshold, int equalPositions, bool linked)
    {
        // 0.6 × 128 = 76.8: 77 equal positions (0.6016) reach it, 76 (0.5938) do not; 0.5 × 128 = 64 exactly.
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var first = NearCopies.Signature(1);
        var copy = NearCopies.Changed(first, Enumerable.Range(equalPositions, 128 - equalPositions), salt: 2);
        var articles = Enumerable.Range(1, 2).Select(n => TestArticles.Create(n)).ToArray();
        _ = await store.TryClaimAsync(articles[0], NearCopies.KeysOf(articles[0], first, threshold: threshold), None);

        var verdict = await store.TryClaimAsync(articles[1], NearCopies.KeysOf(articles[1], copy, threshold: threshold), None);

        Assert.True(verdict.IsNew);
        Assert.Equal(linked ? new StoryLink(articles[0].Id, articles[0].Id, NearCopies.Similarity(equalPositions)) : null, verdict.Story);
        Assert.Equal(linked ? articles[0].Id : articles[1].Id, (await Database.StreamRangeAsync(options.StreamKey))[1][RedisStreamFields.StoryId]);
    }

    [Fact]
    public async Task TryClaim_DifferentStorySharingABoilerplateParagraph_IsANewStory()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var boilerplate = NearCopies.Story(99, words: 40);
        var (first, second) = TwoStoriesSharingABand(boilerplate);
        _ = await store.TryClaimAsync(first, NearCopies.KeysOf(first), None);

        var verdict = await store.TryClaimAsync(second, NearCopies.KeysOf(second), None);

        Assert.Equal(DedupeVerdict.New, verdict);
        Assert.Equal(second.Id, (await Database.StreamRangeAsync(options.StreamKey))[1][RedisStreamFields.StoryId]);
    }

    [Fact]
    public async Task TryClaim_CopyUnderDrop_RecordsItsKeysButAddsNoEntryAndLeavesTheIndexAlone()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(3);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        _ = await store.TryClaimAsync(first, NearCopies.KeysOf(first, NearDuplicatePolicy.Drop), None);
        var keys = NearCopies.KeysOf(copy, NearDuplicatePolicy.Drop);

        var verdict = await store.TryClaimAsync(copy, keys, None);

        Assert.True(verdict.IsDroppedCopy);
        Assert.Equal(first.Id, verdict.Story!.StoryId);
        Assert.Equal(first.Id, verdict.Story.DuplicateOf);
        Assert.Equal(1, await Database.StreamLengthAsync(options.StreamKey));
        foreach (var key in keys.Keys)
        {
            Assert.Equal($"{copy.Id} dropped:{first.Id}", await Database.StringGetAsync($"{options.KeyPrefix}seen:{key}"));
        }

        Assert.False(await Database.KeyExistsAsync($"{options.KeyPrefix}nd1:sig:{copy.Id}"));
        foreach (var band in keys.NearDuplicates!.BandKeys)
        {
            Assert.DoesNotContain(copy.Id, await BucketAsync(options, band));
        }

        Assert.Equal(DedupeVerdict.Duplicate(keys.Keys[0]), await store.TryClaimAsync(copy, keys, None));
    }

    [Fact]
    public async Task TryClaim_CopySharingAnExactKey_IsADuplicateOfThatKeyAndAddsNothing()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(4);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        _ = await store.TryClaimAsync(first, NearCopies.KeysOf(first), None);
        var copyKeys = NearCopies.KeysOf(copy);
        var keys = copyKeys with { Keys = [copyKeys.Keys[0], NearCopies.KeysOf(first).Keys[1]] };

        var verdict = await store.TryClaimAsync(copy, keys, None);

        Assert.Equal(DedupeVerdict.Duplicate(keys.Keys[1]), verdict);
        Assert.Equal(1, await Database.StreamLengthAsync(options.StreamKey));
        Assert.False(await Database.KeyExistsAsync($"{options.KeyPrefix}nd1:sig:{copy.Id}"));
    }

    [Fact]
    public async Task TryClaim_CandidateWhoseSignatureIsGone_IsSkipped()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(5);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        var firstKeys = NearCopies.KeysOf(first);
        _ = await store.TryClaimAsync(first, firstKeys, None);
        Assert.True(await Database.KeyDeleteAsync($"{options.KeyPrefix}nd1:sig:{first.Id}"));

        var verdict = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy), None);

        Assert.Contains(first.Id, await BucketAsync(options, firstKeys.NearDuplicates!.BandKeys[0]));
        Assert.Equal(DedupeVerdict.New, verdict);
    }

    [Theory]
    [InlineData(MinHashTuning.MaxArticlesPerBucket - 1, true)]
    [InlineData(MinHashTuning.MaxArticlesPerBucket, false)]
    public async Task TryClaim_BucketOverflowing_KeepsOnlyTheSixteenNewestArticles(int laterArticles, bool firstStillFound)
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var first = NearCopies.Signature(1);

        // Later articles share band 0 with the first and nothing else (4 of 128 positions: no match, so each is indexed).
        var shared = Enumerable.Range(0, MinHashTuning.RowsPerBand).ToArray();
        _ = await store.TryClaimAsync(TestArticles.Create(1), NearCopies.KeysOf(TestArticles.Create(1), first), None);
        for (var n = 0; n < laterArticles; n++)
        {
            var other = NearCopies.Changed(first, Enumerable.Range(0, MinHashTuning.HashCount).Except(shared), salt: 10 + n);
            var article = TestArticles.Create(100 + n);
            Assert.Equal(DedupeVerdict.New, await store.TryClaimAsync(article, NearCopies.KeysOf(article, other), None));
        }

        // A copy reachable through band 0 only: every other band has one value changed (4 + 31 × 3 = 97 equal positions).
        var copy = NearCopies.Changed(first, Enumerable.Range(1, MinHashTuning.Bands - 1).Select(band => (band * MinHashTuning.RowsPerBand) + 3), salt: 2);
        var copyArticle = TestArticles.Create(2);
        var verdict = await store.TryClaimAsync(copyArticle, NearCopies.KeysOf(copyArticle, copy), None);

        Assert.Equal(firstStillFound ? TestArticles.Create(1).Id : null, verdict.Story?.StoryId);
        var bucket = await BucketAsync(options, first.BandKeys()[0]);
        Assert.Equal(MinHashTuning.MaxArticlesPerBucket, bucket.Length);
        Assert.Equal(copyArticle.Id, bucket[0]);
    }

    [Fact]
    public async Task TryClaim_ArticleIndexed_IndexKeysExpireAfterTheNearCopyRetentionAndSeenKeysAfterTheirs()
    {
        var options = redis.NewOptions();
        options.SeenKeyRetention = TimeSpan.FromDays(30);
        options.NearCopyRetention = TimeSpan.FromDays(3);
        var store = CreateStore(options);
        var article = NearCopies.Article(1, NearCopies.Story(6));
        var keys = NearCopies.KeysOf(article);

        _ = await store.TryClaimAsync(article, keys, None);

        var indexKeys = keys.NearDuplicates!.BandKeys.Select(band => $"{options.KeyPrefix}nd1:band:{band}").Append($"{options.KeyPrefix}nd1:sig:{article.Id}");
        foreach (var key in indexKeys)
        {
            var ttl = await Database.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3));
        }

        foreach (var key in keys.Keys)
        {
            var ttl = await Database.KeyTimeToLiveAsync($"{options.KeyPrefix}seen:{key}");
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        }

        byte[] signatureThenStoryId = [.. NearCopies.SignatureOf(article.ContentText).ToBytes(), .. System.Text.Encoding.ASCII.GetBytes(article.Id)];
        Assert.Equal(signatureThenStoryId, (byte[])(await Database.StringGetAsync($"{options.KeyPrefix}nd1:sig:{article.Id}"))!);
    }

    [Fact]
    public void Options_NearCopyRetentionDefault_IsSevenDaysAndSeenKeysNinety()
    {
        var options = new RedisOptions();

        Assert.Equal(TimeSpan.FromDays(7), options.NearCopyRetention);
        Assert.Equal(TimeSpan.FromDays(90), options.SeenKeyRetention);
    }

    [Fact]
    public async Task TryClaim_CopyAfterTheRetention_IsANewStory()
    {
        var options = redis.NewOptions();
        options.SeenKeyRetention = TimeSpan.FromSeconds(1);
        options.StreamTrimming = StreamTrimming.MaxLen;
        var store = CreateStore(options);
        var story = NearCopies.Story(7);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        var firstKeys = NearCopies.KeysOf(first);
        _ = await store.TryClaimAsync(first, firstKeys, None);

        var indexKeys = firstKeys.NearDuplicates!.BandKeys
            .Select(band => (RedisKey)$"{options.KeyPrefix}nd1:band:{band}")
            .Append($"{options.KeyPrefix}nd1:sig:{first.Id}")
            .ToArray();
        await WaitUntilGoneAsync(indexKeys);
        var verdict = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy), None);

        Assert.Equal(DedupeVerdict.New, verdict);
    }

    [Fact]
    public async Task TryClaim_NearDuplicatePolicyOff_NeitherLinksNorIndexes()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var story = NearCopies.Story(8);
        var first = NearCopies.Article(1, NearCopies.Copy(story, 1));
        var copy = NearCopies.Article(2, NearCopies.Copy(story, 2));
        _ = await store.TryClaimAsync(first, NearCopies.KeysOf(first), None);

        var verdict = await store.TryClaimAsync(copy, NearCopies.KeysOf(copy, NearDuplicatePolicy.Off), None);

        Assert.Equal(DedupeVerdict.New, verdict);
        Assert.False(await Database.KeyExistsAsync($"{options.KeyPrefix}nd1:sig:{copy.Id}"));
        Assert.Equal(copy.Id, (await Database.StreamRangeAsync(options.StreamKey))[1][RedisStreamFields.StoryId]);
    }

    [Fact]
    public async Task TryClaim_AlreadyLinkedArticleWithACheck_ThrowsAndChangesNothing()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = NearCopies.Article(1, NearCopies.Story(9)) with { StoryId = "someone-else", DuplicateOf = "someone-else" };

        _ = await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(article, NearCopies.KeysOf(article), None));

        Assert.Equal(0, await Database.StreamLengthAsync(options.StreamKey));
    }

    [Fact]
    public async Task TryClaim_ArticleIdWithASpaceWithACheck_ThrowsAndChangesNothing()
    {
        var options = redis.NewOptions();
        var store = CreateStore(options);
        var article = NearCopies.Article(1, NearCopies.Story(10)) with { Id = "two words", StoryId = "two words" };

        _ = await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(article, NearCopies.KeysOf(article), None));

        Assert.Equal(0, await Database.StreamLengthAsync(options.StreamKey));
    }

    [Fact]
    public async Task TryClaim_CopiesOfOneStoryRacingOnSeparateConnections_ExactlyOneIsTheOriginal()
    {
        const int Workers = 4;
        const int Rounds = 150;
        var options = redis.NewOptions();
        var connections = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ =>
            ConnectionMultiplexer.ConnectAsync(RedisConnectionFactory.CreateConfiguration(options))));
        try
        {
            var stores = connections.Select(connection => new RedisHarvestStore(connection, options, NullLogger<RedisHarvestStore>.Instance)).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                var story = NearCopies.Story(1_000 + round);
                var copies = Enumerable.Range(0, Workers).Select(site => NearCopies.Article((round * Workers) + site, NearCopies.Copy(story, site))).ToArray();
                var keys = copies.Select(copy => NearCopies.KeysOf(copy)).ToArray();
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var claims = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
                {
                    await start.Task;
                    return await stores[worker].TryClaimAsync(copies[worker], keys[worker], None);
                })).ToArray();
                start.SetResult();
                var verdicts = await Task.WhenAll(claims);

                Assert.All(verdicts, verdict => Assert.True(verdict.IsNew));
                var original = Assert.Single(verdicts, verdict => verdict.Story is null);
                var originalId = copies[Array.IndexOf(verdicts, original)].Id;
                Assert.All(verdicts.Where(verdict => verdict.Story is not null), verdict => Assert.Equal(originalId, verdict.Story!.StoryId));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        var entries = await Database.StreamRangeAsync(options.StreamKey);
        Assert.Equal(Rounds * Workers, entries.Length);
        Assert.Equal(Rounds, entries.Count(entry => entry[RedisStreamFields.StoryId] == entry[RedisStreamFields.Id]));
        Assert.Equal(Rounds, entries.Select(entry => entry[RedisStreamFields.StoryId].ToString()).Distinct().Count());
    }

    [Theory]
    [InlineData(0.6, 77)]
    [InlineData(0.3, 39)]
    [InlineData(0.5, 64)]
    [InlineData(1.0, 128)]
    [InlineData(1.1, 129)]
    public void EqualPositionsNeeded_IsTheFewestWhoseShareReachesTheThreshold(double threshold, int expected)
    {
        var needed = ClaimScript.EqualPositionsNeeded(threshold);

        Assert.Equal(expected, needed);
        Assert.True(needed > MinHashTuning.HashCount || NearCopies.Similarity(needed) >= threshold);
        Assert.True(NearCopies.Similarity(needed - 1) < threshold);
    }

    /// <summary>
    /// Two stories of 40 words each ending in the same 40-word paragraph (about 0.3 alike), chosen so that they share a
    /// band: the claim then really compares them and must reject the match, not merely never see it.
    /// </summary>
    private static (Article First, Article Second) TwoStoriesSharingABand(string boilerplate)
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var first = NearCopies.Article(1, NearCopies.Story(200 + seed, words: 40) + " " + boilerplate);
            var second = NearCopies.Article(2, NearCopies.Story(400 + seed, words: 40) + " " + boilerplate);
            var (a, b) = (NearCopies.SignatureOf(first.ContentText), NearCopies.SignatureOf(second.ContentText));
            if (a.BandKeys().Intersect(b.BandKeys()).Any())
            {
                Assert.True(a.Similarity(b) < NearCopies.Threshold, $"precondition: the stories are {a.Similarity(b):F2} alike");
                return (first, second);
            }
        }

        throw new InvalidOperationException("No pair of stories sharing a band in 100 tries.");
    }

    private async Task WaitUntilGoneAsync(RedisKey[] keys)
    {
        var clock = Stopwatch.StartNew();
        while (await Database.KeyExistsAsync(keys) > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The index keys did not expire within 10 s of a 1 s retention.");
            await Task.Delay(100);
        }
    }

    /// <summary>The ids in a band bucket, newest first.</summary>
    private async Task<string[]> BucketAsync(RedisOptions options, string bandKey) =>
        (await Database.StringGetAsync($"{options.KeyPrefix}nd1:band:{bandKey}")).ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private RedisHarvestStore CreateStore(RedisOptions options) =>
        new(redis.Connection, options, NullLogger<RedisHarvestStore>.Instance);
}

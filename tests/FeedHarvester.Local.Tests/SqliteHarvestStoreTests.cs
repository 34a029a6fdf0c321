using FeedHarvester.Deduplication;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

public sealed class SqliteHarvestStoreTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalStore _local;

    public SqliteHarvestStoreTests() => _local = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

    private SqliteHarvestStore Store => _local.Store;

    public void Dispose()
    {
        _local.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task TryClaim_NewArticle_ReturnsNewAndQueuesIt()
    {
        var article = TestArticles.Create(1);

        var verdict = await Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);

        Assert.True(verdict.IsNew);
        Assert.Null(verdict.MatchedKey);
        Assert.Equal(1, await Store.CountPendingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(DedupeKeyKind.Url)]
    [InlineData(DedupeKeyKind.Guid)]
    [InlineData(DedupeKeyKind.Content)]
    public async Task TryClaim_OneKeyAlreadySeen_ReturnsDuplicateNamingThatKey(DedupeKeyKind sharedKind)
    {
        var first = TestArticles.Create(1);
        var firstKeys = TestArticles.KeysOf(first);
        _ = await Store.TryClaimAsync(first, firstKeys, CancellationToken.None);

        var second = TestArticles.Create(2);
        var shared = firstKeys.Keys.Single(key => key.Kind == sharedKind);
        var secondKeys = new DedupeKeys(TestArticles.KeysOf(second).Keys.Select(key => key.Kind == sharedKind ? shared : key).ToList());

        var verdict = await Store.TryClaimAsync(second, secondKeys, CancellationToken.None);

        Assert.False(verdict.IsNew);
        Assert.Equal(shared, verdict.MatchedKey);
        Assert.Equal(1, await Store.CountPendingAsync(CancellationToken.None));

        // A rejected claim records none of its other keys either.
        var unshared = secondKeys.Keys.Where(key => key.Kind != sharedKind).ToList();
        Assert.Null(await Store.FindSeenAsync(unshared, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_SeveralKeysSeen_NamesTheFirstInTheGivenOrder()
    {
        var article = TestArticles.Create(1);
        var keys = TestArticles.KeysOf(article);
        _ = await Store.TryClaimAsync(article, keys, CancellationToken.None);

        var reordered = new DedupeKeys([new DedupeKey(DedupeKeyKind.Url, "https://other/"), keys.Keys[2], keys.Keys[0]]);
        var verdict = await Store.TryClaimAsync(TestArticles.Create(2), reordered, CancellationToken.None);

        Assert.Equal(keys.Keys[2], verdict.MatchedKey);
    }

    [Fact]
    public async Task TryClaim_SameArticleFrom8TasksAtOnce_ExactlyOneNew()
    {
        var article = TestArticles.Create(7);
        var keys = TestArticles.KeysOf(article);
        using var start = new ManualResetEventSlim();

        var claims = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await Store.TryClaimAsync(article, keys, CancellationToken.None);
            }))
            .ToList();
        start.Set();
        var verdicts = await Task.WhenAll(claims);

        Assert.Single(verdicts, verdict => verdict.IsNew);
        Assert.Equal(7, verdicts.Count(verdict => verdict.MatchedKey == keys.Keys[0]));
        Assert.Equal(1, await Store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_NoKeys_Throws()
    {
        _ = await Assert.ThrowsAsync<ArgumentException>(
            () => Store.TryClaimAsync(TestArticles.Create(1), new DedupeKeys([]), CancellationToken.None));
    }

    [Fact]
    public async Task FindSeen_NoneSeen_ReturnsNull()
    {
        var article = TestArticles.Create(1);

        Assert.Null(await Store.FindSeenAsync(TestArticles.KeysOf(article).Keys, CancellationToken.None));
        Assert.Null(await Store.FindSeenAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task FindSeen_AfterClaim_ReturnsFirstPresentKey()
    {
        var article = TestArticles.Create(1);
        var keys = TestArticles.KeysOf(article);
        _ = await Store.TryClaimAsync(article, keys, CancellationToken.None);

        var found = await Store.FindSeenAsync([new DedupeKey(DedupeKeyKind.Url, "https://unseen/"), keys.Keys[1]], CancellationToken.None);

        Assert.Equal(keys.Keys[1], found);
    }

    [Fact]
    public async Task FeedState_SaveThenGet_RoundTripsEveryField()
    {
        var state = new FeedState
        {
            FeedUrl = TestArticles.FeedUrl,
            ETag = "\"abc\"",
            LastModified = "Mon, 02 Jun 2025 10:00:00 GMT",
            LastOutcome = "content",
            LastMessage = "12 entries",
            LastPolledAt = new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.FromHours(2)),
            LastSuccessAt = new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero),
            NextPollAt = new DateTimeOffset(2025, 6, 2, 12, 30, 0, 123, TimeSpan.Zero),
            ConsecutiveErrors = 3,
            ArticlesEmitted = 5_000_000_000,
            Status = FeedStatus.Broken,
            CurrentUrl = "https://moved.example/feed",
            RedirectCandidate = "https://moved.example/feed2",
            RedirectSeenCount = 2,
            PollInterval = TimeSpan.FromMinutes(42),
        };

        await Store.SaveFeedStateAsync(state, CancellationToken.None);
        var loaded = await Store.GetFeedStateAsync(state.FeedUrl, CancellationToken.None);

        Assert.Equal(state, loaded);
        Assert.Equal(state.LastPolledAt!.Value.Offset, loaded!.LastPolledAt!.Value.Offset);
    }

    [Fact]
    public async Task FeedState_SavedTwice_KeepsTheLatestAndListsInUrlOrder()
    {
        await Store.SaveFeedStateAsync(FeedState.New("https://b.example/feed") with { ConsecutiveErrors = 1 }, CancellationToken.None);
        await Store.SaveFeedStateAsync(FeedState.New("https://a.example/feed"), CancellationToken.None);
        await Store.SaveFeedStateAsync(FeedState.New("https://b.example/feed") with { ConsecutiveErrors = 2, ETag = null }, CancellationToken.None);

        var states = await Store.ListFeedStatesAsync(CancellationToken.None);

        Assert.Equal(["https://a.example/feed", "https://b.example/feed"], states.Select(s => s.FeedUrl));
        Assert.Equal(2, states[1].ConsecutiveErrors);
        Assert.Null(await Store.GetFeedStateAsync("https://never.example/feed", CancellationToken.None));
    }

    [Fact]
    public async Task PurgeSeenKeys_OlderThanCutoff_ForgetsOnlyOldKeys()
    {
        var old = TestArticles.Create(1);
        _ = await Store.TryClaimAsync(old, TestArticles.KeysOf(old), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(40));
        var recent = TestArticles.Create(2);
        _ = await Store.TryClaimAsync(recent, TestArticles.KeysOf(recent), CancellationToken.None);

        var removed = await Store.PurgeSeenKeysAsync(_time.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Equal(3, removed);
        Assert.Null(await Store.FindSeenAsync(TestArticles.KeysOf(old).Keys, CancellationToken.None));
        Assert.NotNull(await Store.FindSeenAsync(TestArticles.KeysOf(recent).Keys, CancellationToken.None));
    }
}

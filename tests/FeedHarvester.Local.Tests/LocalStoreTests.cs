using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

public sealed class LocalStoreTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Open_DataDirectoryAlreadyOpen_ThrowsClearError()
    {
        using var first = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

        var ex = Assert.Throws<LocalStoreException>(() => LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()));

        Assert.Contains("is in use by another FeedHarvester process", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_directory.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterFirstDisposed_Succeeds()
    {
        LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()).Dispose();

        using var second = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

        Assert.NotNull(second.Store);
    }

    [Fact]
    public async Task Open_Reopened_KeysStillSeen()
    {
        var article = TestArticles.Create(1);
        var keys = TestArticles.KeysOf(article);
        using (var first = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()))
        {
            _ = await first.Store.TryClaimAsync(article, keys, CancellationToken.None);
            await first.Store.SaveFeedStateAsync(FeedState.New(TestArticles.FeedUrl) with { ETag = "e1" }, CancellationToken.None);
        }

        using var reopened = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

        Assert.Equal(keys.Keys[0], await reopened.Store.FindSeenAsync(keys.Keys, CancellationToken.None));
        Assert.False((await reopened.Store.TryClaimAsync(article, keys, CancellationToken.None)).IsNew);
        Assert.Equal("e1", (await reopened.Store.GetFeedStateAsync(TestArticles.FeedUrl, CancellationToken.None))!.ETag);
        Assert.Equal(1, await reopened.Store.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Open_DatabaseFromVersion1_MigratedKeepingItsFeedState()
    {
        using (var first = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()))
        {
            await first.Store.SaveFeedStateAsync(FeedHarvester.Feeds.FeedState.New("https://a.example/feed") with { ETag = "\"v1\"" }, CancellationToken.None);
        }

        using (var connection = new SqliteConnection($"Data Source={_directory.Options().DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                ALTER TABLE feed_state DROP COLUMN status; ALTER TABLE feed_state DROP COLUMN current_url;
                ALTER TABLE feed_state DROP COLUMN redirect_candidate; ALTER TABLE feed_state DROP COLUMN redirect_seen_count;
                ALTER TABLE feed_state DROP COLUMN poll_interval_ms; DROP TABLE story_band; DROP TABLE story_signature;
                PRAGMA user_version = 1;
                """;
            _ = command.ExecuteNonQuery();
        }

        using var reopened = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());
        var state = await reopened.Store.GetFeedStateAsync("https://a.example/feed", CancellationToken.None);

        Assert.Equal("\"v1\"", state!.ETag);
        Assert.Equal(FeedHarvester.Feeds.FeedStatus.Active, state.Status);
        await reopened.Store.SaveFeedStateAsync(state with { Status = FeedHarvester.Feeds.FeedStatus.Gone }, CancellationToken.None);
        Assert.Equal(FeedHarvester.Feeds.FeedStatus.Gone, (await reopened.Store.GetFeedStateAsync("https://a.example/feed", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Open_DatabaseFromVersion2_MigratedKeepingItsKeysAndIndexingLaterClaims()
    {
        var story = StoryTexts.Story(seed: 1, words: 300);
        var before = StoryTexts.Article("before-upgrade", "daily", story);
        using (var first = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()))
        {
            _ = await first.Store.TryClaimAsync(before, StoryTexts.KeysOf(before), CancellationToken.None);
            await first.Store.SaveFeedStateAsync(FeedState.New(TestArticles.FeedUrl) with { ETag = "\"v2\"" }, CancellationToken.None);
        }

        using (var connection = new SqliteConnection($"Data Source={_directory.Options().DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE story_band; DROP TABLE story_signature; PRAGMA user_version = 2;";
            _ = command.ExecuteNonQuery();
        }

        using var reopened = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

        Assert.Equal("\"v2\"", (await reopened.Store.GetFeedStateAsync(TestArticles.FeedUrl, CancellationToken.None))!.ETag);
        Assert.False((await reopened.Store.TryClaimAsync(before, StoryTexts.KeysOf(before), CancellationToken.None)).IsNew);
        Assert.Equal(1, await reopened.Store.CountPendingAsync(CancellationToken.None));

        // Articles claimed before the upgrade were never indexed; the first copy claimed after it starts the story.
        var copy = StoryTexts.Article("after-upgrade", "herald", StoryTexts.Copy(story, variant: 1));
        var later = StoryTexts.Article("later", "gazette", StoryTexts.Copy(story, variant: 2));
        Assert.Equal(DedupeVerdict.New, await reopened.Store.TryClaimAsync(copy, StoryTexts.KeysOf(copy), CancellationToken.None));
        Assert.Equal(copy.Id, (await reopened.Store.TryClaimAsync(later, StoryTexts.KeysOf(later), CancellationToken.None)).Story?.StoryId);
    }

    [Fact]
    public void Open_DatabaseFromNewerVersion_ThrowsClearError()
    {
        LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()).Dispose();
        var databasePath = _directory.Options().DatabasePath;
        using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            _ = command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<LocalStoreException>(() => LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()));

        Assert.Contains($"schema version 99, newer than the {SchemaMigrator.CurrentVersion}", ex.Message, StringComparison.Ordinal);

        // The failed open must not keep the directory locked: a retry fails for the same reason, not "in use".
        var retry = Assert.Throws<LocalStoreException>(() => LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory()));
        Assert.Contains("newer", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLocalStore_Resolved_ServesAllThreeContractsFromOneStore()
    {
        var services = new ServiceCollection();
        _ = services.AddSingleton<TimeProvider>(_time);
        _ = services.AddLocalStore(options => options.DataDirectory = _directory.Path);

        await using (var provider = services.BuildServiceProvider())
        {
            var dedupe = provider.GetRequiredService<IDedupeStore>();
            var feeds = provider.GetRequiredService<IFeedStateStore>();
            var sink = provider.GetRequiredService<IArticleSink>();
            Assert.Same(dedupe, feeds);

            var article = TestArticles.Create(1);
            _ = await dedupe.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);
            Assert.Equal(1, (await sink.EmitPendingAsync(CancellationToken.None)).Emitted);
        }

        // Disposing the provider released the lock.
        using var reopened = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());
        Assert.Equal(OutputFile.Ids([1]), OutputFile.ReadIds(_directory.OutputPath));
    }
}

using System.Text;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

/// <summary>Opening the store on a data directory that is not as it was left: state lost, database damaged, output shared.</summary>
public sealed class LocalStoreStartupTests : IDisposable
{
    private const int ReseededEvent = 20;
    private const int TornLineCutEvent = 21;
    private const int LinesNotRecordsEvent = 22;
    private const int ReseedNotNeededEvent = 23;

    private static readonly DedupeKeyBuilder KeyBuilder = new(new DeduplicationOptions { NearDuplicates = NearDuplicatePolicy.Link });

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_DatabaseDeletedOutputKept_RefusedAsStateMissingWithoutCreatingADatabase()
    {
        await HarvestAsync(Story(1), Story(2));
        LoseDatabase();

        var ex = Assert.Throws<LocalStoreException>(() => Open());

        Assert.Equal(LocalStoreFault.StateMissing, ex.Fault);
        Assert.Contains(_directory.OutputPath, ex.Message, StringComparison.Ordinal);
        Assert.Contains(Options().DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--reseed-from-output", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(File.Exists(Options().DatabasePath), "a refused start must not create a database");
    }

    [Fact]
    public async Task Open_DatabaseEmptiedToZeroBytes_RefusedAsStateMissing()
    {
        await HarvestAsync(Story(1));
        LoseDatabase();
        File.WriteAllBytes(Options().DatabasePath, []);

        var ex = Assert.Throws<LocalStoreException>(() => Open());

        Assert.Equal(LocalStoreFault.StateMissing, ex.Fault);
    }

    [Fact]
    public void Open_NewDatabaseBesideEmptyOutput_Opens()
    {
        File.WriteAllBytes(_directory.OutputPath, []);

        using var local = Open();

        Assert.NotNull(local.Store);
    }

    [Fact]
    public async Task Open_DatabaseWithKeysButNothingEverEmitted_RefusedAsStateMissing()
    {
        // What a re-seed interrupted before its last commit leaves: keys, but no committed length.
        Open().Dispose();
        using (var connection = new SqliteConnection($"Data Source={Options().DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO seen_keys (key, article_id, seen_at) VALUES ('url:https://x.example/1', 'x-1', 0);";
            _ = command.ExecuteNonQuery();
        }

        await File.WriteAllTextAsync(_directory.OutputPath, ArticleJson.Serialize(Story(1)) + "\n");

        var ex = Assert.Throws<LocalStoreException>(() => Open());

        Assert.Equal(LocalStoreFault.StateMissing, ex.Fault);
    }

    [Fact]
    public async Task Open_ReseedFromOutputAfterDatabaseLost_EmittedArticlesAreSeenAndOnlyNewOnesEmitted()
    {
        var emitted = new[] { Story(1), Story(2), Story(3) };
        await HarvestAsync(emitted);
        LoseDatabase();
        var logs = new CapturingLoggerFactory();

        using var local = Open(reseed: true, logs);

        foreach (var article in emitted)
        {
            Assert.False((await local.Store.TryClaimAsync(article, KeyBuilder.For(article), CancellationToken.None)).IsNew);
            var entryKeys = new DedupeKey[] { new(DedupeKeyKind.Url, article.Url!), new(DedupeKeyKind.Guid, article.FeedUrl + " " + article.Guid) };
            Assert.NotNull(await local.Store.FindSeenAsync(entryKeys, CancellationToken.None));
        }

        var fresh = Story(4);
        Assert.True((await local.Store.TryClaimAsync(fresh, KeyBuilder.For(fresh), CancellationToken.None)).IsNew);
        Assert.Equal(new Emitting.EmitResult(1, 0), await local.Sink.EmitPendingAsync(CancellationToken.None));
        Assert.Equal([.. emitted.Select(a => a.Id), fresh.Id], OutputFile.ReadIds(_directory.OutputPath));
        Assert.Equal(1, logs.Count(ReseededEvent));
    }

    [Fact]
    public async Task Open_ReseedFromOutputAfterDatabaseLost_NearCopyOfAnEmittedStoryJoinsItsStory()
    {
        var story = StoryTexts.Story(seed: 5, words: 300);
        var original = StoryTexts.Article("original", "daily", story);
        await HarvestAsync(original);
        LoseDatabase();

        using var local = Open(reseed: true);
        var copy = StoryTexts.Article("copy", "herald", StoryTexts.Copy(story, variant: 1));
        var verdict = await local.Store.TryClaimAsync(copy, KeyBuilder.For(copy), CancellationToken.None);

        Assert.True(verdict.IsNew);
        Assert.Equal(original.Id, verdict.Story?.StoryId);
    }

    [Fact]
    public async Task Open_ReseedFromOutputWithTornLastLine_CutsItReportsItAndLeavesItsArticleNew()
    {
        await HarvestAsync(Story(1), Story(2));
        var complete = new FileInfo(_directory.OutputPath).Length;
        var torn = Story(3);
        var tornLine = ArticleJson.Serialize(torn);
        await File.AppendAllTextAsync(_directory.OutputPath, tornLine[..(tornLine.Length / 2)]);
        LoseDatabase();
        var logs = new CapturingLoggerFactory();

        using var local = Open(reseed: true, logs);

        Assert.Equal(complete, new FileInfo(_directory.OutputPath).Length);
        Assert.Equal(1, logs.Count(TornLineCutEvent));
        Assert.True((await local.Store.TryClaimAsync(torn, KeyBuilder.For(torn), CancellationToken.None)).IsNew);
        Assert.False((await local.Store.TryClaimAsync(Story(2), KeyBuilder.For(Story(2)), CancellationToken.None)).IsNew);
        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
        Assert.Equal(new[] { Story(1).Id, Story(2).Id, torn.Id }, OutputFile.ReadIds(_directory.OutputPath));
    }

    [Fact]
    public async Task Open_ReseedFromOutputWithForeignLines_KeepsThemReportsThemOnceAndSeedsTheRest()
    {
        var records = new[] { Story(1), Story(2) };
        var text = new StringBuilder()
            .Append("not json at all\n")
            .Append(ArticleJson.Serialize(records[0])).Append('\n')
            .Append("{\"id\": \"no-url\"}\n")
            .Append('\n')
            .Append(ArticleJson.Serialize(records[1])).Append('\n')
            .ToString();
        await File.WriteAllTextAsync(_directory.OutputPath, text);
        var logs = new CapturingLoggerFactory();

        using var local = Open(reseed: true, logs);

        Assert.Equal(text, await File.ReadAllTextAsync(_directory.OutputPath));
        Assert.Equal(1, logs.Count(LinesNotRecordsEvent));
        Assert.Contains(logs.Entries, e => e.EventId.Id == LinesNotRecordsEvent && e.Message.StartsWith("2 lines", StringComparison.Ordinal));
        foreach (var article in records)
        {
            Assert.False((await local.Store.TryClaimAsync(article, KeyBuilder.For(article), CancellationToken.None)).IsNew);
        }

        Assert.Equal(new Emitting.EmitResult(0, 0), await local.Sink.EmitPendingAsync(CancellationToken.None));
        Assert.Equal(text, await File.ReadAllTextAsync(_directory.OutputPath));
    }

    [Fact]
    public async Task Open_ReseedFromOutputOfARecordWithoutStoryId_SeedsItsKeys()
    {
        // Records written before schema 1.1 have no story_id or duplicate_of.
        var article = Story(1);
        var line = ArticleJson.Serialize(article)
            .Replace($"\"story_id\":\"{article.StoryId}\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"duplicate_of\":null,", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("story_id", line, StringComparison.Ordinal);
        await File.WriteAllTextAsync(_directory.OutputPath, line + "\n");

        using var local = Open(reseed: true);

        Assert.False((await local.Store.TryClaimAsync(article, KeyBuilder.For(article), CancellationToken.None)).IsNew);
    }

    [Fact]
    public async Task Open_ReseedFromOutputOnStoreWithState_ChangesNothingAndSaysSo()
    {
        await HarvestAsync(Story(1));
        var before = await File.ReadAllBytesAsync(_directory.OutputPath);
        var logs = new CapturingLoggerFactory();

        using var local = Open(reseed: true, logs);

        Assert.Equal(1, logs.Count(ReseedNotNeededEvent));
        Assert.Equal(0, logs.Count(ReseededEvent));
        Assert.Equal(before, await File.ReadAllBytesAsync(_directory.OutputPath));
    }

    [Fact]
    public void Open_GarbageDatabase_FailsAsDatabaseUnreadableNamingItAndReleasingTheLocks()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(Options().DatabasePath, garbage);

        var ex = Assert.Throws<LocalStoreException>(() => Open());

        Assert.Equal(LocalStoreFault.DatabaseUnreadable, ex.Fault);
        Assert.Contains(Options().DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.Contains("backup", ex.Message, StringComparison.Ordinal);
        Assert.Equal(LocalStoreFault.DatabaseUnreadable, Assert.Throws<LocalStoreException>(() => Open()).Fault);
    }

    [Fact]
    public async Task Open_DatabaseSchemaPageOverwritten_FailsAsDatabaseUnreadable()
    {
        await HarvestAsync(Story(1));
        using (var file = new FileStream(Options().DatabasePath, FileMode.Open, FileAccess.Write))
        {
            // Past the 100-byte file header: page 1's b-tree, where the schema lives.
            file.Position = 100;
            file.Write(Enumerable.Repeat((byte)0xA5, 3996).ToArray());
        }

        var ex = Assert.Throws<LocalStoreException>(() => Open());

        Assert.Equal(LocalStoreFault.DatabaseUnreadable, ex.Fault);
    }

    [Fact]
    public void Open_SameOutputFromAnotherDataDirectory_RefusedAsInUseNamingTheOutput()
    {
        using var other = new TempDataDirectory();
        var shared = Path.Combine(_directory.Path, "shared.jsonl");
        using var first = LocalStore.Open(new LocalStoreOptions { DataDirectory = _directory.Path, OutputPath = shared }, _time, new CapturingLoggerFactory());

        var ex = Assert.Throws<LocalStoreException>(() =>
            LocalStore.Open(new LocalStoreOptions { DataDirectory = other.Path, OutputPath = shared }, _time, new CapturingLoggerFactory()));

        Assert.Equal(LocalStoreFault.InUse, ex.Fault);
        Assert.Contains($"Output file \"{shared}\" is in use by another FeedHarvester process", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterTheOutputsHolderClosed_OpensFromAnotherDataDirectory()
    {
        using var other = new TempDataDirectory();
        var shared = Path.Combine(_directory.Path, "shared.jsonl");
        LocalStore.Open(new LocalStoreOptions { DataDirectory = _directory.Path, OutputPath = shared }, _time, new CapturingLoggerFactory()).Dispose();

        using var second = LocalStore.Open(new LocalStoreOptions { DataDirectory = other.Path, OutputPath = shared }, _time, new CapturingLoggerFactory());

        Assert.NotNull(second.Sink);
    }

    [Fact]
    public void Open_DataDirectoryCannotBeCreated_FailsAsNotWritableNotInUse()
    {
        var file = Path.Combine(_directory.Path, "a-file");
        File.WriteAllText(file, "x");
        var options = new LocalStoreOptions { DataDirectory = Path.Combine(file, "data") };

        var ex = Assert.Throws<LocalStoreException>(() => LocalStore.Open(options, _time, new CapturingLoggerFactory()));

        Assert.Equal(LocalStoreFault.NotWritable, ex.Fault);
        Assert.Contains($"Data directory \"{Path.Combine(file, "data")}\" cannot be created", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OutputDirectoryCannotBeCreated_FailsAsNotWritable()
    {
        var file = Path.Combine(_directory.Path, "a-file");
        File.WriteAllText(file, "x");
        var options = Options();
        options.OutputPath = Path.Combine(file, "out", "articles.jsonl");

        var ex = Assert.Throws<LocalStoreException>(() => LocalStore.Open(options, _time, new CapturingLoggerFactory()));

        Assert.Equal(LocalStoreFault.NotWritable, ex.Fault);
        Assert.StartsWith($"Output directory \"{Path.Combine(file, "out")}\" cannot be created", ex.Message, StringComparison.Ordinal);

        // The data directory's lock was released with the failure.
        using var reopened = Open();
    }

    private static Article Story(int n) => StoryTexts.Article($"story-{n}", "daily", StoryTexts.Story(seed: n, words: 200));

    private LocalStoreOptions Options(bool reseed = false)
    {
        var options = _directory.Options();
        options.ReseedFromOutput = reseed;
        return options;
    }

    private LocalStore Open(bool reseed = false, CapturingLoggerFactory? logs = null) =>
        LocalStore.Open(Options(reseed), _time, logs ?? new CapturingLoggerFactory(), KeyBuilder);

    private async Task HarvestAsync(params Article[] articles)
    {
        using var local = Open();
        foreach (var article in articles)
        {
            Assert.True((await local.Store.TryClaimAsync(article, KeyBuilder.For(article), CancellationToken.None)).IsNew);
        }

        _ = await local.Sink.EmitPendingAsync(CancellationToken.None);
    }

    private void LoseDatabase()
    {
        var database = Options().DatabasePath;
        foreach (var path in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(path);
        }
    }
}

using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

/// <summary>The near-duplicate index inside <see cref="SqliteHarvestStore.TryClaimAsync"/>: link, drop, retention, races.</summary>
public sealed class StoreNearDuplicateTests : IDisposable
{
    private static readonly string Story = StoryTexts.Story(seed: 1, words: 300);

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory _logs = new();
    private readonly LocalStore _local;

    public StoreNearDuplicateTests() => _local = LocalStore.Open(_directory.Options(), _time, _logs);

    private SqliteHarvestStore Store => _local.Store;

    public void Dispose()
    {
        _local.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task TryClaim_CopyOnAnotherSite_QueuedLinkedToTheFirstCopy()
    {
        var first = StoryTexts.Article("wire-story", "daily", Story);
        var copy = StoryTexts.Article("syndicated", "herald", StoryTexts.Copy(Story, variant: 1));
        Assert.Equal(DedupeVerdict.New, await ClaimAsync(first));

        var verdict = await ClaimAsync(copy);

        Assert.True(verdict.IsNew);
        Assert.Equal(first.Id, verdict.Story!.StoryId);
        Assert.Equal(first.Id, verdict.Story.DuplicateOf);
        Assert.InRange(verdict.Story.Similarity, 0.75, 1.0);
        var queued = (await EmitAsync()).Single(record => record.Id == copy.Id);
        Assert.Equal(first.Id, queued.StoryId);
        Assert.Equal(first.Id, queued.DuplicateOf);
        Assert.Equal(copy.ContentText, queued.ContentText);
        Assert.Equal(1, _logs.Count(eventId: 5));
    }

    [Fact]
    public async Task TryClaim_CopyLinked_FirstCopysQueuedRecordUnchanged()
    {
        var first = StoryTexts.Article("wire-story", "daily", Story);
        _ = await ClaimAsync(first);

        _ = await ClaimAsync(StoryTexts.Article("syndicated", "herald", StoryTexts.Copy(Story, variant: 1)));
        _ = await EmitAsync();

        var lines = File.ReadAllLines(_directory.OutputPath);
        Assert.Equal(2, lines.Length);
        Assert.Equal(ArticleJson.Serialize(first), lines[0]);
        Assert.Contains($"\"story_id\":\"{first.Id}\",\"duplicate_of\":null", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaim_CopyOfACopy_JoinsTheFirstCopysStoryThroughItsBestMatch()
    {
        var copyText = StoryTexts.Copy(Story, variant: 1);
        var first = StoryTexts.Article("wire-story", "daily", Story);
        var copy = StoryTexts.Article("syndicated", "herald", copyText);
        var copyOfCopy = StoryTexts.Article("resyndicated", "gazette", StoryTexts.Copy(copyText, variant: 2));
        _ = await ClaimAsync(first);
        _ = await ClaimAsync(copy);

        var verdict = await ClaimAsync(copyOfCopy);

        Assert.Equal(new StoryLink(first.Id, copy.Id, verdict.Story!.Similarity), verdict.Story);
        var queued = (await EmitAsync()).Single(record => record.Id == copyOfCopy.Id);
        Assert.Equal((first.Id, copy.Id), (queued.StoryId, queued.DuplicateOf));
    }

    [Fact]
    public async Task TryClaim_CopyUnderDropPolicy_RecordsKeysButQueuesAndIndexesNothing()
    {
        var first = StoryTexts.Article("wire-story", "daily", Story);
        var copyText = StoryTexts.Copy(Story, variant: 1);
        var copy = StoryTexts.Article("syndicated", "herald", copyText);
        _ = await ClaimAsync(first, NearDuplicatePolicy.Drop);

        var verdict = await ClaimAsync(copy, NearDuplicatePolicy.Drop);

        Assert.True(verdict.IsDroppedCopy);
        Assert.Equal((first.Id, first.Id), (verdict.Story!.StoryId, verdict.Story.DuplicateOf));
        Assert.Equal(1, await Store.CountPendingAsync(CancellationToken.None));

        // The drop is logged once, by the entry harvester (which has the article's URL): the store adds no line of its own.
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains(copy.Id, StringComparison.Ordinal));

        // Its keys were recorded: claimed again, it is a plain duplicate.
        var copyKeys = StoryTexts.KeysOf(copy, NearDuplicatePolicy.Drop);
        Assert.Equal(DedupeVerdict.Duplicate(copyKeys.Keys[0]), await Store.TryClaimAsync(copy, copyKeys, CancellationToken.None));

        // It was not indexed: a copy closer to it than to the first still names the first as its match.
        var third = StoryTexts.Article("resyndicated", "gazette", StoryTexts.Copy(copyText, variant: 2));
        var thirdVerdict = await ClaimAsync(third, NearDuplicatePolicy.Drop);
        Assert.Equal(first.Id, thirdVerdict.Story!.DuplicateOf);
        Assert.Equal([first.Id], (await EmitAsync()).Select(record => record.Id));
    }

    [Fact]
    public async Task TryClaim_DifferentStorySharingBoilerplate_IsNew()
    {
        var boilerplate = StoryTexts.Story(seed: 99, words: 40);
        var first = StoryTexts.Article("council-vote", "daily", StoryTexts.Story(seed: 2, words: 60) + "\n\n" + boilerplate);
        var other = StoryTexts.Article("harbour-fire", "daily", StoryTexts.Story(seed: 3, words: 60) + "\n\n" + boilerplate);
        Assert.NotNull(StoryTexts.KeysOf(other).NearDuplicates);
        _ = await ClaimAsync(first);

        var verdict = await ClaimAsync(other);

        Assert.Equal(DedupeVerdict.New, verdict);
        var queued = (await EmitAsync()).Single(record => record.Id == other.Id);
        Assert.Equal((other.Id, (string?)null), (queued.StoryId, queued.DuplicateOf));
    }

    [Fact]
    public async Task TryClaim_CheckWithPolicyOff_NeitherLinksNorIndexes()
    {
        var first = StoryTexts.Article("wire-story", "daily", Story);
        var copy = StoryTexts.Article("syndicated", "herald", StoryTexts.Copy(Story, variant: 1));
        _ = await ClaimAsync(first, NearDuplicatePolicy.Off, forceCheck: true);

        Assert.Equal(DedupeVerdict.New, await ClaimAsync(copy));
        Assert.Equal(DedupeVerdict.New, await ClaimAsync(StoryTexts.Article("x", "gazette", Story), NearDuplicatePolicy.Off, forceCheck: true));
    }

    [Fact]
    public async Task TryClaim_CopiesClaimedAllAtOnce_ExactlyOneFirstAndEveryOtherInItsStory()
    {
        var copies = Enumerable.Range(0, 12)
            .Select(n => StoryTexts.Article("story", $"site{n}", StoryTexts.Copy(Story, variant: n)))
            .ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claims = copies
            .Select(async copy =>
            {
                await start.Task;
                return await ClaimAsync(copy);
            })
            .ToList();
        start.SetResult();
        var verdicts = await Task.WhenAll(claims);

        var records = await EmitAsync();
        Assert.Equal(copies.Count, records.Count);
        var original = Assert.Single(records, record => record.StoryId == record.Id);
        Assert.Null(original.DuplicateOf);
        Assert.All(records.Where(record => record != original), record =>
        {
            Assert.Equal(original.Id, record.StoryId);
            Assert.NotNull(record.DuplicateOf);
        });
        Assert.Single(verdicts, verdict => verdict == DedupeVerdict.New);
        Assert.All(verdicts.Where(verdict => verdict.Story is not null), verdict => Assert.Equal(original.Id, verdict.Story!.StoryId));
    }

    [Fact]
    public async Task TryClaim_MoreCopiesThanABucketHolds_EveryCopyStillJoinsTheStory()
    {
        const int copies = MinHashTuning.MaxArticlesPerBucket + 6;
        var first = StoryTexts.Article("wire-story", "daily", Story);
        _ = await ClaimAsync(first);

        var verdicts = new List<DedupeVerdict>();
        for (var n = 1; n <= copies; n++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            verdicts.Add(await ClaimAsync(StoryTexts.Article("story", $"site{n}", StoryTexts.Copy(Story, variant: n, editedWords: 1))));
        }

        Assert.All(verdicts, verdict => Assert.Equal(first.Id, verdict.Story?.StoryId));
        Assert.All((await EmitAsync()).Skip(1), record => Assert.Equal(first.Id, record.StoryId));
    }

    [Fact]
    public async Task TryClaim_IndexEntriesOfAnotherIndexVersion_NeverConsulted()
    {
        _ = await ClaimAsync(StoryTexts.Article("wire-story", "daily", Story));
        Execute("UPDATE story_band SET band_key = '0' || substr(band_key, instr(band_key, ':'));");

        var verdict = await ClaimAsync(StoryTexts.Article("syndicated", "herald", StoryTexts.Copy(Story, variant: 1)));

        Assert.Equal(DedupeVerdict.New, verdict);
    }

    [Fact]
    public async Task PurgeSeenKeys_IndexedBeforeCutoff_ForgottenSoALaterCopyStartsANewStory()
    {
        var otherStory = StoryTexts.Story(seed: 5, words: 200);
        _ = await ClaimAsync(StoryTexts.Article("old-story", "daily", Story));
        _time.Advance(TimeSpan.FromDays(40));
        var recent = StoryTexts.Article("recent-story", "daily", otherStory);
        _ = await ClaimAsync(recent);
        var indexRowsBefore = CountIndexRows();

        _ = await Store.PurgeSeenKeysAsync(_time.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Equal(indexRowsBefore / 2, CountIndexRows());
        Assert.Equal(DedupeVerdict.New, await ClaimAsync(StoryTexts.Article("syndicated", "herald", StoryTexts.Copy(Story, variant: 1))));
        var recentCopy = await ClaimAsync(StoryTexts.Article("syndicated-recent", "herald", StoryTexts.Copy(otherStory, variant: 1)));
        Assert.Equal(recent.Id, recentCopy.Story?.StoryId);
    }

    private Task<DedupeVerdict> ClaimAsync(Article article, NearDuplicatePolicy policy = NearDuplicatePolicy.Link, bool forceCheck = false)
    {
        var keys = StoryTexts.KeysOf(article, policy);
        if (forceCheck)
        {
            // The key builder gives no check under "off"; a store handed one anyway must still honour the policy.
            var signature = StorySignatureBuilder.TryBuild(article.ContentText, 50)!;
            keys = keys with { NearDuplicates = NearDuplicateCheck.For(signature, MinHashTuning.DefaultSimilarity, policy) };
        }

        return Store.TryClaimAsync(article, keys, CancellationToken.None);
    }

    private async Task<IReadOnlyList<Article>> EmitAsync()
    {
        _ = await _local.Sink.EmitPendingAsync(CancellationToken.None);
        return OutputFile.ReadRecords(_directory.OutputPath);
    }

    private long CountIndexRows()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM story_band) + (SELECT COUNT(*) FROM story_signature);";
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        _ = command.ExecuteNonQuery();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_directory.Options().DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}

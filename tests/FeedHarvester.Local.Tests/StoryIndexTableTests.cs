using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Local.Tests;

public sealed class StoryIndexTableTests : IDisposable
{
    private static readonly NearDuplicateCheck Check = NearDuplicateCheck.For(
        StorySignatureBuilder.TryBuild(StoryTexts.Story(seed: 1, words: 120), 50)!,
        MinHashTuning.DefaultSimilarity,
        NearDuplicatePolicy.Link);

    private readonly TempDataDirectory _directory = new();
    private readonly HarvestDatabase _database;

    public StoryIndexTableTests() => _database = HarvestDatabase.Open(_directory.Options().DatabasePath, TimeSpan.FromSeconds(5));

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task FindCandidates_BucketHoldsMoreThanTheCap_ReadsOnlyTheMostRecentNewestFirst()
    {
        const int indexed = MinHashTuning.MaxArticlesPerBucket + 4;
        for (var n = 0; n < indexed; n++)
        {
            await AddAsync($"article-{n:D2}", "story", indexedAt: 1_000 + n);
        }

        var candidates = await FindAsync("claimant");

        var expected = Enumerable.Range(indexed - MinHashTuning.MaxArticlesPerBucket, MinHashTuning.MaxArticlesPerBucket)
            .Reverse()
            .Select(n => $"article-{n:D2}");
        Assert.Equal(expected, candidates.Select(candidate => candidate.ArticleId));
        Assert.All(candidates, candidate => Assert.Equal(1.0, Check.Signature.Similarity(candidate.Signature)));
    }

    [Fact]
    public async Task FindCandidates_ClaimantAlreadyIndexed_NeverItsOwnCandidate()
    {
        await AddAsync("claimant", "claimant", indexedAt: 1);
        await AddAsync("earlier", "story", indexedAt: 2);

        var candidates = await FindAsync("claimant");

        Assert.Equal([new StoryCandidate("earlier", "story", candidates[0].Signature)], candidates);
    }

    [Fact]
    public async Task DeleteOlderThan_RemovesSignaturesAndBandsBeforeTheCutoffOnly()
    {
        await AddAsync("old", "story", indexedAt: 1_000);
        await AddAsync("new", "story", indexedAt: 2_000);

        var removed = await _database.WriteAsync((transaction, ct) => StoryIndexTable.DeleteOlderThanAsync(transaction, 2_000, ct), CancellationToken.None);

        Assert.Equal(1 + MinHashTuning.Bands, removed);
        Assert.Equal(["new"], (await FindAsync("claimant")).Select(candidate => candidate.ArticleId));
    }

    [Fact]
    public void StoredBandKey_StartsWithTheIndexVersion()
    {
        Assert.Equal($"{MinHashTuning.IndexVersion}:{Check.BandKeys[0]}", StoryIndexTable.StoredBandKey(Check.BandKeys[0]));
    }

    private Task AddAsync(string articleId, string storyId, long indexedAt) =>
        _database.WriteAsync(
            async (transaction, ct) =>
            {
                await StoryIndexTable.AddAsync(transaction, articleId, storyId, Check, indexedAt, ct);
                return true;
            },
            CancellationToken.None);

    private Task<IReadOnlyList<StoryCandidate>> FindAsync(string claimant) =>
        _database.WriteAsync((transaction, ct) => StoryIndexTable.FindCandidatesAsync(transaction, Check, claimant, ct), CancellationToken.None);
}

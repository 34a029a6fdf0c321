using FeedHarvester.Deduplication;
using FeedHarvester.Diagnostics;
using FeedHarvester.Normalization;
using FeedHarvester.Tests.Shared;

namespace FeedHarvester.Tests.Deduplication;

public sealed class TimedDedupeStoreTests : IDisposable
{
    private readonly HarvestMetrics _metrics = new();

    [Fact]
    public async Task Calls_PassedThroughAndTimedAsSeenCheckAndClaim()
    {
        var inner = new AnsweringStore();
        var store = new TimedDedupeStore(inner, _metrics);
        var article = TestArticles.Create(1);

        var seen = await store.FindSeenAsync(TestArticles.KeysOf(article).Keys, CancellationToken.None);
        var verdict = await store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);

        Assert.Equal(AnsweringStore.Seen, seen);
        Assert.Same(DedupeVerdict.New, verdict);
        var calls = _metrics.Stages.Snapshot().ToDictionary(s => s.Stage, s => s.Calls);
        Assert.Equal((1L, 1L), (calls[HarvestStage.SeenCheck], calls[HarvestStage.Claim]));
    }

    [Fact]
    public async Task FailingClaim_StillTimedAndRethrown()
    {
        var store = new TimedDedupeStore(new AnsweringStore { Fail = true }, _metrics);
        var article = TestArticles.Create(1);

        _ = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None));

        Assert.Equal(1, _metrics.Stages.Snapshot().Single(s => s.Stage == HarvestStage.Claim).Calls);
    }

    public void Dispose() => _metrics.Dispose();

    private sealed class AnsweringStore : IDedupeStore
    {
        public static readonly DedupeKey Seen = new(DedupeKeyKind.Url, "https://example.org/seen");

        public bool Fail { get; init; }

        public Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken) => Task.FromResult<DedupeKey?>(Seen);

        public Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken) =>
            Fail ? throw new InvalidOperationException("store down") : Task.FromResult(DedupeVerdict.New);
    }
}

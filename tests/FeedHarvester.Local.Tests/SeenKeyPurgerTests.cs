using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Local.Tests;

public sealed class SeenKeyPurgerTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private readonly TempDataDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalStore _local;
    private readonly CancellationTokenSource _stop = new();

    public SeenKeyPurgerTests() => _local = LocalStore.Open(_directory.Options(), _time, new CapturingLoggerFactory());

    private SqliteHarvestStore Store => _local.Store;

    [Fact]
    public async Task RunAsync_ForgetsKeysPastTheRetentionAtStartAndEveryInterval_KeepsYoungerOnes()
    {
        var old = TestArticles.Create(1);
        _ = await Store.TryClaimAsync(old, TestArticles.KeysOf(old), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(40));
        var recent = TestArticles.Create(2);
        _ = await Store.TryClaimAsync(recent, TestArticles.KeysOf(recent), CancellationToken.None);

        var purger = new SeenKeyPurger(Store, new LocalStoreOptions { SeenKeyRetention = Retention }, _time, NullLogger<SeenKeyPurger>.Instance);
        var running = purger.RunAsync(_stop.Token);

        // At start: the 40-day-old keys go, the new ones stay.
        Assert.True(await EventuallyAsync(async () => !await IsSeenAsync(old)));
        Assert.True(await IsSeenAsync(recent));

        // Once the recent article passes the retention too, an hourly purge forgets it, and not before.
        var recentClaimedAt = _time.GetUtcNow();
        _time.Advance(Retention - TimeSpan.FromHours(2));
        DateTimeOffset? forgottenAt = null;
        for (var hour = 0; hour < 12 && forgottenAt is null; hour++)
        {
            _time.Advance(LocalStoreDefaults.PurgeInterval);
            if (await EventuallyAsync(async () => !await IsSeenAsync(recent), attempts: 8))
            {
                forgottenAt = _time.GetUtcNow();
            }
        }

        Assert.NotNull(forgottenAt);
        Assert.InRange(forgottenAt.Value, recentClaimedAt + Retention, recentClaimedAt + Retention + TimeSpan.FromHours(10));

        await _stop.CancelAsync();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _local.Dispose();
        _directory.Dispose();
    }

    private async Task<bool> IsSeenAsync(FeedHarvester.Normalization.Article article) =>
        await Store.FindSeenAsync(TestArticles.KeysOf(article).Keys, CancellationToken.None) is not null;

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int attempts = 200)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}

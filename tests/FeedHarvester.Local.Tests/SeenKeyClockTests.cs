using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local.Tests;

/// <summary>A wrong clock must never make the purge forget articles early: each would be emitted again.</summary>
public sealed class SeenKeyClockTests : IDisposable
{
    private const int PurgeSkippedClockBehindEvent = 41;
    private const int PurgeResumedEvent = 42;
    private const int SeenKeysRedatedEvent = 43;

    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDataDirectory _directory = new();
    private readonly SettableClock _storeClock = new(T0);
    private readonly SettableClock _purgeClock = new(T0);
    private readonly CapturingLoggerFactory _logs = new();
    private readonly LocalStore _local;
    private readonly SeenKeyPurger _purger;

    public SeenKeyClockTests()
    {
        _local = LocalStore.Open(_directory.Options(), _storeClock, _logs);
        _purger = new SeenKeyPurger(_local.Store, new LocalStoreOptions { SeenKeyRetention = Retention }, _purgeClock, _logs.CreateLogger<SeenKeyPurger>());
    }

    public void Dispose()
    {
        _local.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task PurgeOnce_ClockOneMillisecondBehindTheNewestKey_ForgetsNothingAndWarnsOnce()
    {
        await ClaimAtAsync(1, T0);
        await ClaimAtAsync(2, T0.AddDays(40));
        _purgeClock.UtcNow = T0.AddDays(40).AddMilliseconds(-1);

        Assert.Equal(0, await _purger.PurgeOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _purger.PurgeOnceAsync(CancellationToken.None));

        Assert.True(await IsSeenAsync(1));
        Assert.Equal(1, _logs.Count(PurgeSkippedClockBehindEvent));
        Assert.Equal(0, _logs.Count(PurgeResumedEvent));
    }

    [Fact]
    public async Task PurgeOnce_ClockBackAtTheNewestKey_PurgesAgainAndSaysSoOnce()
    {
        await ClaimAtAsync(1, T0);
        await ClaimAtAsync(2, T0.AddDays(40));
        _purgeClock.UtcNow = T0.AddDays(40).AddMilliseconds(-1);
        _ = await _purger.PurgeOnceAsync(CancellationToken.None);
        _purgeClock.UtcNow = T0.AddDays(40);

        Assert.True(await _purger.PurgeOnceAsync(CancellationToken.None) > 0);

        Assert.False(await IsSeenAsync(1));
        Assert.True(await IsSeenAsync(2));
        Assert.Equal(1, _logs.Count(PurgeResumedEvent));
    }

    [Fact]
    public async Task PurgeOnce_NewestKeyOneDayPastTheRetention_KeysRedatedTogetherAndNoneForgotten()
    {
        await ClaimAtAsync(1, T0);
        await ClaimAtAsync(2, T0.AddDays(10));

        // Dated by a clock 31 days behind, now corrected (or stopped for 31 days): purging would forget both.
        _purgeClock.UtcNow = T0.AddDays(10) + Retention + TimeSpan.FromDays(1);

        Assert.Equal(0, await _purger.PurgeOnceAsync(CancellationToken.None));

        Assert.True(await IsSeenAsync(1));
        Assert.True(await IsSeenAsync(2));
        Assert.Equal(_purgeClock.UtcNow, await _local.Store.NewestSeenKeyAtAsync(CancellationToken.None));
        Assert.Equal(1, _logs.Count(SeenKeysRedatedEvent));

        // Their order is kept: the older one ages out first, 20 days later, the newer one ten days after that.
        _purgeClock.UtcNow += TimeSpan.FromDays(20) + TimeSpan.FromMinutes(1);
        _ = await _purger.PurgeOnceAsync(CancellationToken.None);
        Assert.False(await IsSeenAsync(1));
        Assert.True(await IsSeenAsync(2));
        Assert.Equal(1, _logs.Count(SeenKeysRedatedEvent));
    }

    [Fact]
    public async Task PurgeOnce_NewestKeyExactlyAtTheRetention_NoRedateAndOnlyOlderKeysForgotten()
    {
        await ClaimAtAsync(1, T0);
        await ClaimAtAsync(2, T0.AddDays(10));
        _purgeClock.UtcNow = T0.AddDays(10) + Retention;

        Assert.True(await _purger.PurgeOnceAsync(CancellationToken.None) > 0);

        Assert.False(await IsSeenAsync(1));
        Assert.True(await IsSeenAsync(2));
        Assert.Equal(0, _logs.Count(SeenKeysRedatedEvent));
    }

    [Fact]
    public async Task PurgeOnce_ClockJumpsPastTheRetentionWhileRunning_KeysRedatedNotForgotten()
    {
        await ClaimAtAsync(1, T0);
        _purgeClock.UtcNow = T0.AddHours(1);
        Assert.Equal(0, await _purger.PurgeOnceAsync(CancellationToken.None));

        // The wall clock is corrected 40 days forward between two purges; the monotonic clock moved milliseconds.
        _purgeClock.UtcNow = T0.AddDays(40);
        _ = await _purger.PurgeOnceAsync(CancellationToken.None);

        Assert.True(await IsSeenAsync(1));
        Assert.Equal(1, _logs.Count(SeenKeysRedatedEvent));
    }

    [Fact]
    public async Task TryClaim_ClockSetBackBeyondTheRetention_KeysDatedAtTheNewestSoCorrectingTheClockForgetsNothing()
    {
        await ClaimAtAsync(1, T0);

        // The clock goes back 100 days while the worker runs and claims another article.
        await ClaimAtAsync(2, T0.AddDays(-100));
        Assert.Equal(T0, await _local.Store.NewestSeenKeyAtAsync(CancellationToken.None));

        // Corrected, a day later: the article claimed meanwhile is a day old, not 101 days.
        _purgeClock.UtcNow = T0.AddDays(1);
        _ = await _purger.PurgeOnceAsync(CancellationToken.None);

        Assert.True(await IsSeenAsync(1));
        Assert.True(await IsSeenAsync(2));
    }

    private async Task ClaimAtAsync(int number, DateTimeOffset at)
    {
        _storeClock.UtcNow = at;
        var article = TestArticles.Create(number);
        Assert.True((await _local.Store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
    }

    private async Task<bool> IsSeenAsync(int number)
    {
        Article article = TestArticles.Create(number);
        return await _local.Store.FindSeenAsync(TestArticles.KeysOf(article).Keys, CancellationToken.None) is not null;
    }

    /// <summary>A wall clock that can be set anywhere, backwards too (FakeTimeProvider only moves forward).</summary>
    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset UtcNow { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => UtcNow;
    }
}

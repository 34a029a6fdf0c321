using FeedHarvester.Fetching;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Fetching;

public sealed class HostLimiterTests
{
    [Fact]
    public async Task Acquire_LimitReachedOnOneHost_ThirdWaitsWhileOtherHostProceeds()
    {
        var limiter = new HostLimiter(2);
        using var first = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/a"), CancellationToken.None);
        using var second = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/b"), CancellationToken.None);

        var third = limiter.AcquireAsync(new Uri("http://127.0.0.1:1/c"), CancellationToken.None);
        using var other = await limiter.AcquireAsync(new Uri("http://127.0.0.1:2/a"), CancellationToken.None);

        Assert.False(third.IsCompleted);
        first.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(granted);
    }

    [Fact]
    public async Task Acquire_MinDelayPerHost_NextStartWaitsForTheDelay()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostLimiter(2, TimeSpan.FromSeconds(5), time);
        using var first = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/a"), CancellationToken.None);

        var second = limiter.AcquireAsync(new Uri("http://127.0.0.1:1/b"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4.9));
        var waitedTooLittle = second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var granted = await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(waitedTooLittle);
        Assert.NotNull(granted);
    }

    [Fact]
    public async Task Acquire_MinDelayPerHost_ThreeWaitersGetSuccessiveTurns()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostLimiter(3, TimeSpan.FromSeconds(5), time);
        using var first = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/a"), CancellationToken.None);
        var second = limiter.AcquireAsync(new Uri("http://127.0.0.1:1/b"), CancellationToken.None);
        var third = limiter.AcquireAsync(new Uri("http://127.0.0.1:1/c"), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(5));
        using var secondSlot = await second.WaitAsync(TimeSpan.FromSeconds(5));
        var thirdEarly = third.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(5));
        using var thirdSlot = await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(thirdEarly);
    }

    [Fact]
    public async Task Acquire_MinDelayPerHost_OtherHostNotDelayed()
    {
        var limiter = new HostLimiter(2, TimeSpan.FromHours(1), new FakeTimeProvider());
        using var first = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/a"), CancellationToken.None);

        var other = limiter.AcquireAsync(new Uri("http://127.0.0.1:2/a"), CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaitingForTheDelay_SlotGivenBack()
    {
        var time = new FakeTimeProvider();
        var limiter = new HostLimiter(1, TimeSpan.FromSeconds(5), time);
        (await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/a"), CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(new Uri("http://127.0.0.1:1/b"), cancel.Token);
        await cancel.CancelAsync();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(10));
        using var next = await limiter.AcquireAsync(new Uri("http://127.0.0.1:1/c"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(next);
    }
}

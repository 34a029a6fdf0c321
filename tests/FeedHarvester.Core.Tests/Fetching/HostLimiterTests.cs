using FeedHarvester.Fetching;

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
}

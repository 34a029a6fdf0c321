using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

public sealed class FetchResultTests
{
    private static readonly Uri Url = new("http://127.0.0.1/feed.xml");

    [Fact]
    public void TryGetFailure_FailedFetch_GivesKindMessageAndRetryAfter()
    {
        var result = FetchResult.Failed(Url, FetchFailureKind.RateLimited, "rate limited (429)") with { RetryAfter = TimeSpan.FromMinutes(2) };

        Assert.True(result.TryGetFailure(out var failure));
        Assert.Equal(new FetchFailure(FetchFailureKind.RateLimited, "fetch: rate limited (429)", TimeSpan.FromMinutes(2)), failure);
        Assert.False(result.IsContent);
        Assert.False(result.IsNotModified);
    }

    [Theory]
    [InlineData(FetchStatus.Content, true, false)]
    [InlineData(FetchStatus.NotModified, false, true)]
    public void TryGetFailure_ContentOrNotModified_NoFailure(FetchStatus status, bool content, bool notModified)
    {
        var result = new FetchResult { Status = status, RequestedUrl = Url };

        Assert.False(result.TryGetFailure(out var failure));
        Assert.Null(failure);
        Assert.Equal((content, notModified), (result.IsContent, result.IsNotModified));
    }

    [Fact]
    public void TryGetFailure_FailureWithoutKind_ThrowsAsABug()
    {
        var result = new FetchResult { Status = FetchStatus.Failure, RequestedUrl = Url };

        _ = Assert.Throws<InvalidOperationException>(() => result.TryGetFailure(out _));
    }
}

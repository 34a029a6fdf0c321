using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Route = System.Func<FeedHarvester.Tests.Support.LoopbackRequest, System.IO.Stream, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace FeedHarvester.Tests.Fetching;

public sealed class HttpFetcherRetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_SameUrlWithinRetryAfter_RateLimitedWithoutSending()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(429, ("Retry-After", "120")));
        var time = new FakeTimeProvider(Now);
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), time);
        var url = server.Url("/f/ratelimited/feed.xml");

        var first = await fetcher.FeedAsync(url);
        time.Advance(TimeSpan.FromSeconds(119));
        var second = await fetcher.FeedAsync(url);

        Assert.Equal(FetchFailureKind.RateLimited, first.FailureKind);
        Assert.Equal(TimeSpan.FromSeconds(120), first.RetryAfter);
        Assert.Equal(FetchFailureKind.RateLimited, second.FailureKind);
        Assert.Equal(TimeSpan.FromSeconds(1), second.RetryAfter);
        Assert.Contains("not sent", second.Message, StringComparison.Ordinal);
        _ = Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Fetch_SameUrlAfterRetryAfterExpired_SentAgain()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(503, ("Retry-After", "60")));
        var time = new FakeTimeProvider(Now);
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), time);
        var url = server.Url("/feed.xml");

        var first = await fetcher.FeedAsync(url);
        time.Advance(TimeSpan.FromSeconds(60));
        _ = await fetcher.FeedAsync(url);

        Assert.Equal(FetchFailureKind.RateLimited, first.FailureKind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_RetryAfterAsHttpDate_RememberedUntilThatDate()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(429, ("Retry-After", "Mon, 02 Jun 2025 12:05:00 GMT")));
        var time = new FakeTimeProvider(Now);
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), time);
        var url = server.Url("/feed.xml");

        var first = await fetcher.FeedAsync(url);
        time.Advance(TimeSpan.FromMinutes(4));
        var second = await fetcher.FeedAsync(url);

        Assert.Equal(TimeSpan.FromMinutes(5), first.RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), second.RetryAfter);
        _ = Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Fetch_RetryAfterBeyondTheCap_CappedAtMaxRetryAfter()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(429, ("Retry-After", "31536000")));
        var time = new FakeTimeProvider(Now);
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.MaxRetryAfter = TimeSpan.FromMinutes(10);
        var fetcher = LoopbackFetcher.Create(options, time);

        var first = await fetcher.FeedAsync(server.Url("/feed.xml"));
        time.Advance(TimeSpan.FromMinutes(10));
        _ = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(TimeSpan.FromMinutes(10), first.RetryAfter);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_OtherUrlOnTheSameHost_NotHeldBackByDefault()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/limited.xml"] = LoopbackResponse.Status(429, ("Retry-After", "120")),
            ["/healthy.xml"] = LoopbackResponse.Text("<rss/>"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), new FakeTimeProvider(Now));

        _ = await fetcher.FeedAsync(server.Url("/limited.xml"));
        var other = await fetcher.FeedAsync(server.Url("/healthy.xml"));

        Assert.Equal(FetchStatus.Content, other.Status);
    }

    [Fact]
    public async Task Fetch_HostWideOption_OtherUrlOnTheHostAlsoWaits()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/limited.xml"] = LoopbackResponse.Status(429, ("Retry-After", "120")),
            ["/healthy.xml"] = LoopbackResponse.Text("<rss/>"),
        });
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.RetryAfterAppliesToWholeHost = true;
        var fetcher = LoopbackFetcher.Create(options, new FakeTimeProvider(Now));

        _ = await fetcher.FeedAsync(server.Url("/limited.xml"));
        var other = await fetcher.FeedAsync(server.Url("/healthy.xml"));

        Assert.Equal(FetchFailureKind.RateLimited, other.FailureKind);
        Assert.Equal(0, server.RequestCount("/healthy.xml"));
    }

    [Fact]
    public async Task Fetch_RedirectedUrlRateLimited_OriginalUrlAlsoWaits()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/old.xml"] = LoopbackResponse.Redirect(302, "/new.xml"),
            ["/new.xml"] = LoopbackResponse.Status(429, ("Retry-After", "120")),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), new FakeTimeProvider(Now));

        _ = await fetcher.FeedAsync(server.Url("/old.xml"));
        var second = await fetcher.FeedAsync(server.Url("/old.xml"));

        Assert.Equal(FetchFailureKind.RateLimited, second.FailureKind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_503WithoutRetryAfter_ServerErrorAndNothingRemembered()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(503));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), new FakeTimeProvider(Now));

        var first = await fetcher.FeedAsync(server.Url("/f/unavailable/feed.xml"));
        _ = await fetcher.FeedAsync(server.Url("/f/unavailable/feed.xml"));

        Assert.Equal(FetchFailureKind.ServerError, first.FailureKind);
        Assert.Null(first.RetryAfter);
        Assert.Equal(2, server.Requests.Count);
    }
}

using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Route = System.Func<FeedHarvester.Tests.Support.LoopbackRequest, System.IO.Stream, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace FeedHarvester.Tests.Fetching;

public sealed class HttpFetcherRobotsTests
{
    private const string DisallowPrivate = "User-agent: *\nDisallow: /private/\n";

    private static FetchingOptions RobotsOn(LoopbackServer server)
    {
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.RespectRobotsTxt = true;
        return options;
    }

    private static LoopbackServer Site(Route robots) => new(new Dictionary<string, Route>
    {
        ["/robots.txt"] = robots,
        ["/private/a.html"] = LoopbackResponse.Text("<p>private</p>", "text/html"),
        ["/news/a.html"] = LoopbackResponse.Text("<p>news</p>", "text/html"),
        ["/news/b.html"] = LoopbackResponse.Text("<p>news</p>", "text/html"),
        ["/private/feed.xml"] = LoopbackResponse.Text("<rss/>", "application/rss+xml"),
    });

    [Fact]
    public async Task Fetch_PageDisallowedByRobots_RobotsDisallowedAndPageNeverRequested()
    {
        await using var server = Site(LoopbackResponse.Text(DisallowPrivate));
        var fetcher = LoopbackFetcher.Create(RobotsOn(server));

        var result = await fetcher.PageAsync(server.Url("/private/a.html"));

        Assert.Equal(FetchFailureKind.RobotsDisallowed, result.FailureKind);
        Assert.Contains(server.Url("/private/a.html").AbsoluteUri, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount("/private/a.html"));
    }

    [Fact]
    public async Task Fetch_FeedUnderADisallowedPath_FetchedWithoutAskingRobots()
    {
        await using var server = Site(LoopbackResponse.Text("User-agent: *\nDisallow: /\n"));
        var fetcher = LoopbackFetcher.Create(RobotsOn(server));

        var result = await fetcher.FeedAsync(server.Url("/private/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(0, server.RequestCount("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_AllowedPages_RobotsFetchedOnceAndCachedWithOurUserAgent()
    {
        await using var server = Site(LoopbackResponse.Text(DisallowPrivate));
        var fetcher = LoopbackFetcher.Create(RobotsOn(server), new FakeTimeProvider());

        var first = await fetcher.PageAsync(server.Url("/news/a.html"));
        var second = await fetcher.PageAsync(server.Url("/news/b.html"));

        Assert.Equal(FetchStatus.Content, first.Status);
        Assert.Equal(FetchStatus.Content, second.Status);
        var robots = Assert.Single(server.Requests, r => r.Path == "/robots.txt");
        Assert.StartsWith("FeedHarvester/", robots.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_CacheDurationPassed_RobotsFetchedAgain()
    {
        await using var server = Site(LoopbackResponse.Text(DisallowPrivate));
        var time = new FakeTimeProvider();
        var options = RobotsOn(server);
        options.RobotsTxtCacheDuration = TimeSpan.FromMinutes(30);
        var fetcher = LoopbackFetcher.Create(options, time);

        _ = await fetcher.PageAsync(server.Url("/news/a.html"));
        time.Advance(TimeSpan.FromMinutes(29));
        _ = await fetcher.PageAsync(server.Url("/news/a.html"));
        var cachedCount = server.RequestCount("/robots.txt");
        time.Advance(TimeSpan.FromMinutes(1));
        _ = await fetcher.PageAsync(server.Url("/news/a.html"));

        Assert.Equal(1, cachedCount);
        Assert.Equal(2, server.RequestCount("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsMissing404_EverythingAllowedForTheFullCacheTime()
    {
        await using var server = Site(LoopbackResponse.Status(404));
        var time = new FakeTimeProvider();
        var fetcher = LoopbackFetcher.Create(RobotsOn(server), time);

        var result = await fetcher.PageAsync(server.Url("/private/a.html"));
        time.Advance(RobotsTxtCache.UnreachableRetry);
        _ = await fetcher.PageAsync(server.Url("/private/a.html"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(1, server.RequestCount("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsServerError_AllowedButAskedAgainSooner()
    {
        await using var server = Site(LoopbackResponse.Status(500));
        var time = new FakeTimeProvider();
        var fetcher = LoopbackFetcher.Create(RobotsOn(server), time);

        var result = await fetcher.PageAsync(server.Url("/private/a.html"));
        time.Advance(RobotsTxtCache.UnreachableRetry);
        _ = await fetcher.PageAsync(server.Url("/private/a.html"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(2, server.RequestCount("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_ConcurrentPagesOfOneHost_ShareOneRobotsFetch()
    {
        var release = new TaskCompletionSource();
        await using var server = Site(async (request, stream, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            await LoopbackResponse.Text(DisallowPrivate)(request, stream, cancellationToken);
        });
        var fetcher = LoopbackFetcher.Create(RobotsOn(server));

        var pages = Enumerable.Range(0, 5).Select(_ => fetcher.PageAsync(server.Url("/news/a.html"))).ToList();
        await Task.Delay(200);
        release.SetResult();
        var results = await Task.WhenAll(pages).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, r => Assert.Equal(FetchStatus.Content, r.Status));
        Assert.Equal(1, server.RequestCount("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsLargerThanTheLimit_FirstPartStillApplies()
    {
        var padding = new string('#', (int)RobotsTxtCache.MaxBytes) + "\nDisallow: /news/\n";
        await using var server = Site(LoopbackResponse.Text(DisallowPrivate + padding));
        var fetcher = LoopbackFetcher.Create(RobotsOn(server));

        var disallowed = await fetcher.PageAsync(server.Url("/private/a.html"));
        var allowed = await fetcher.PageAsync(server.Url("/news/a.html"));

        Assert.Equal(FetchFailureKind.RobotsDisallowed, disallowed.FailureKind);
        Assert.Equal(FetchStatus.Content, allowed.Status);
    }

    [Fact]
    public async Task Fetch_RedirectIntoDisallowedPath_RefusedBeforeTheHop()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/robots.txt"] = LoopbackResponse.Text(DisallowPrivate),
            ["/go"] = LoopbackResponse.Redirect(302, "/private/a.html"),
        });
        var fetcher = LoopbackFetcher.Create(RobotsOn(server));

        var result = await fetcher.PageAsync(server.Url("/go"));

        Assert.Equal(FetchFailureKind.RobotsDisallowed, result.FailureKind);
        Assert.Equal(0, server.RequestCount("/private/a.html"));
    }
}

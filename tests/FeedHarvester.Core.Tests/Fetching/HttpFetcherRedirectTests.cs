using System.Net;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
using Route = System.Func<FeedHarvester.Tests.Support.LoopbackRequest, System.IO.Stream, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace FeedHarvester.Tests.Fetching;

public sealed class HttpFetcherRedirectTests
{
    [Theory]
    [InlineData(301, true)]
    [InlineData(308, true)]
    [InlineData(302, false)]
    [InlineData(303, false)]
    [InlineData(307, false)]
    public async Task Fetch_OneRedirect_FollowedAndPermanentOnlyFor301And308(int status, bool permanent)
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/old.xml"] = LoopbackResponse.Redirect(status, "/new.xml"),
            ["/new.xml"] = LoopbackResponse.Text("<rss/>"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/old.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(server.Url("/old.xml"), result.RequestedUrl);
        Assert.Equal(server.Url("/new.xml"), result.FinalUrl);
        Assert.Equal(permanent ? server.Url("/new.xml") : null, result.PermanentRedirect);
    }

    [Fact]
    public async Task Fetch_PermanentThenTemporaryHop_NoPermanentRedirect()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/a"] = LoopbackResponse.Redirect(301, "/b"),
            ["/b"] = LoopbackResponse.Redirect(302, "/c"),
            ["/c"] = LoopbackResponse.Text("<rss/>"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/a"));

        Assert.Equal(server.Url("/c"), result.FinalUrl);
        Assert.Null(result.PermanentRedirect);
    }

    [Fact]
    public async Task Fetch_TwoPermanentHops_PermanentRedirectIsTheFinalUrl()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/a"] = LoopbackResponse.Redirect(301, "/b"),
            ["/b"] = LoopbackResponse.Redirect(308, "/c"),
            ["/c"] = LoopbackResponse.Text("<rss/>"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/a"));

        Assert.Equal(server.Url("/c"), result.PermanentRedirect);
    }

    [Fact]
    public async Task Fetch_RelativeLocation_ResolvedAgainstTheCurrentUrl()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/f/moved/feed.xml"] = LoopbackResponse.Redirect(302, "../s0/feed.xml?x=1"),
            ["/f/s0/feed.xml"] = LoopbackResponse.Text("<rss/>"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/f/moved/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(server.Url("/f/s0/feed.xml?x=1"), result.FinalUrl);
        Assert.Equal("/f/s0/feed.xml?x=1", server.Requests[^1].Target);
    }

    [Fact]
    public async Task Fetch_LoopBackToAVisitedUrl_RedirectLoopWithTheChain()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/f/loop/feed.xml"] = LoopbackResponse.Redirect(301, "/f/loop/feed-b.xml"),
            ["/f/loop/feed-b.xml"] = LoopbackResponse.Redirect(302, "feed.xml"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/f/loop/feed.xml"));

        Assert.Equal(FetchFailureKind.RedirectLoop, result.FailureKind);
        var a = server.Url("/f/loop/feed.xml").AbsoluteUri;
        var b = server.Url("/f/loop/feed-b.xml").AbsoluteUri;
        Assert.Equal($"fetch: redirect loop: {a} -> {b} -> {a}", result.Message);
        Assert.Equal(2, server.Requests.Count);
        Assert.Null(result.PermanentRedirect);
    }

    [Theory]
    [InlineData(5, 5, FetchStatus.Content)]
    [InlineData(6, 5, FetchStatus.Failure)]
    [InlineData(1, 0, FetchStatus.Failure)]
    public async Task Fetch_RedirectChainLength_FollowedUpToMaxRedirects(int hops, int maxRedirects, FetchStatus expected)
    {
        var routes = new Dictionary<string, Route> { [$"/{hops}"] = LoopbackResponse.Text("<rss/>") };
        for (var i = 0; i < hops; i++)
        {
            routes[$"/{i}"] = LoopbackResponse.Redirect(307, $"/{i + 1}");
        }

        await using var server = new LoopbackServer(routes);
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.MaxRedirects = maxRedirects;
        var fetcher = LoopbackFetcher.Create(options);

        var result = await fetcher.FeedAsync(server.Url("/0"));

        Assert.Equal(expected, result.Status);
        if (expected == FetchStatus.Failure)
        {
            Assert.Equal(FetchFailureKind.RedirectLoop, result.FailureKind);
            Assert.Contains($"more than {maxRedirects} redirects", result.Message, StringComparison.Ordinal);
            Assert.Equal(maxRedirects + 1, server.Requests.Count);
        }
    }

    [Fact]
    public async Task Fetch_RedirectToNonHttpScheme_RefusedWithoutFollowing()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Redirect(302, "file:///etc/hostname"));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchFailureKind.UnsupportedScheme, result.FailureKind);
        Assert.Contains("file:///etc/hostname", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RedirectWithoutLocation_HttpError()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(302));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchFailureKind.HttpError, result.FailureKind);
        Assert.Equal(HttpStatusCode.Found, result.StatusCode);
    }

    [Fact]
    public async Task Fetch_ValidatorsAndRedirect_ConditionalHeadersSentToEveryHop()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/old"] = LoopbackResponse.Redirect(301, "/new"),
            ["/new"] = LoopbackResponse.Status(304),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("/old"), FetchKind.Feed, "\"v1\""), CancellationToken.None);

        Assert.Equal(FetchStatus.NotModified, result.Status);
        Assert.Equal(server.Url("/new"), result.PermanentRedirect);
        Assert.All(server.Requests, request => Assert.Equal("\"v1\"", request.Header("If-None-Match")));
    }
}

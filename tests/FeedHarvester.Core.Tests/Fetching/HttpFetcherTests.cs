using System.Net;
using FeedHarvester.Fetching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Fetching;

public sealed class HttpFetcherTests
{
    private static readonly Uri FeedUrl = new("http://127.0.0.1:1/feed.xml");

    private static HttpFetcher Fetcher(Func<HttpRequestMessage, HttpResponseMessage> respond, FetchingOptions? options = null, TimeProvider? time = null) =>
        new(new HttpClient(new StubHandler(respond)), new HostLimiter(2), Options.Create(StubOptions(options)), time ?? TimeProvider.System);

    // The stub never connects, but the fetcher still refuses the 127.0.0.1 literal up front unless it is allowed;
    // robots.txt is covered by its own tests and would otherwise be answered by the same stub.
    private static FetchingOptions StubOptions(FetchingOptions? options)
    {
        var stub = options ?? new FetchingOptions();
        stub.AllowedPrivateHosts = [.. stub.AllowedPrivateHosts, "127.0.0.1:1"];
        stub.RespectRobotsTxt = false;
        return stub;
    }

    [Fact]
    public async Task Fetch_ValidatorsStored_SentBackAsConditionalHeaders()
    {
        HttpRequestMessage? seen = null;
        var fetcher = Fetcher(request =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.NotModified);
        });

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed, "\"v1\"", "Mon, 02 Jun 2025 12:00:00 GMT"), CancellationToken.None);

        Assert.Equal(FetchStatus.NotModified, result.Status);
        Assert.Equal("\"v1\"", seen!.Headers.IfNoneMatch.Single().ToString());
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero), seen.Headers.IfModifiedSince);
        Assert.Equal("\"v1\"", result.ETag);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public async Task Fetch_Success_ReturnsBodyValidatorsAndUserAgent()
    {
        HttpRequestMessage? seen = null;
        var fetcher = Fetcher(request =>
        {
            seen = request;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<rss/>") };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"abc\"");
            response.Content.Headers.TryAddWithoutValidation("Last-Modified", "Mon, 02 Jun 2025 12:00:00 GMT");
            return response;
        });

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed), CancellationToken.None);

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("\"abc\"", result.ETag);
        Assert.Equal("Mon, 02 Jun 2025 12:00:00 GMT", result.LastModified);
        Assert.StartsWith("FeedHarvester/", seen!.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Contains(FetchingDefaults.ProjectUrl, seen.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RequestCarriesItsOwnUserAgent_SentInsteadOfTheConfiguredOne()
    {
        HttpRequestMessage? seen = null;
        var fetcher = Fetcher(request =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.NotModified);
        });

        _ = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed, UserAgent: "Custom/1.0 (+ops@example.org)"), CancellationToken.None);

        Assert.Equal("Custom/1.0 (+ops@example.org)", seen!.Headers.UserAgent.ToString());
    }

    [Theory]
    [InlineData(404, FetchFailureKind.NotFound)]
    [InlineData(410, FetchFailureKind.Gone)]
    [InlineData(429, FetchFailureKind.RateLimited)]
    [InlineData(500, FetchFailureKind.ServerError)]
    [InlineData(503, FetchFailureKind.ServerError)]
    [InlineData(403, FetchFailureKind.HttpError)]
    public async Task Fetch_ErrorStatus_MapsToAStableFailureKind(int status, FetchFailureKind expected)
    {
        var fetcher = Fetcher(_ => new HttpResponseMessage((HttpStatusCode)status));

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed), CancellationToken.None);

        Assert.Equal(FetchStatus.Failure, result.Status);
        Assert.Equal(expected, result.FailureKind);
        Assert.StartsWith("fetch: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_RetryAfterAsDate_ConvertedToAWaitFromNow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero));
        var fetcher = Fetcher(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(new DateTimeOffset(2025, 6, 2, 12, 2, 0, TimeSpan.Zero));
            return response;
        }, time: time);

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed), CancellationToken.None);

        Assert.Equal(FetchFailureKind.RateLimited, result.FailureKind);
        Assert.Equal(TimeSpan.FromMinutes(2), result.RetryAfter);
    }

    [Fact]
    public async Task Fetch_BodyOverTheLimit_TooLarge()
    {
        var fetcher = Fetcher(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[5000])) }, new FetchingOptions { MaxPageBytes = 4096 });

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Page), CancellationToken.None);

        Assert.Equal(FetchFailureKind.TooLarge, result.FailureKind);
    }

    [Fact]
    public async Task Fetch_PageAskedToLendItsBody_ComesInAPooledArrayUntilReleased()
    {
        var body = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var fetcher = Fetcher(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(body)) });

        var lent = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Page) { LendBody = true }, CancellationToken.None);
        var owned = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Page), CancellationToken.None);

        Assert.NotNull(lent.BodyLease);
        Assert.Equal(body, lent.Body.ToArray());
        Assert.Null(owned.BodyLease);
        Assert.Equal(body, owned.Body.ToArray());
        lent.BodyLease.Dispose();
        Assert.True(lent.BodyLease.Memory.IsEmpty);
    }

    [Fact]
    public async Task Fetch_BodyAtTheLimit_Accepted()
    {
        var fetcher = Fetcher(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[4096])) }, new FetchingOptions { MaxPageBytes = 4096 });

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Page), CancellationToken.None);

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(4096, result.Body.Length);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed.xml")]
    [InlineData("file:///etc/hostname")]
    public async Task Fetch_NotHttp_RefusedWithoutSending(string url)
    {
        var sent = false;
        var fetcher = Fetcher(_ =>
        {
            sent = true;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var result = await fetcher.FetchAsync(new FetchRequest(new Uri(url), FetchKind.Feed), CancellationToken.None);

        Assert.Equal(FetchFailureKind.UnsupportedScheme, result.FailureKind);
        Assert.False(sent);
    }

    [Fact]
    public async Task Fetch_ServerNeverAnswers_TimeoutWithinTheLimit()
    {
        var fetcher = new HttpFetcher(new HttpClient(new HangingHandler()), new HostLimiter(2), Options.Create(StubOptions(new FetchingOptions { Timeout = TimeSpan.FromMilliseconds(200) })), TimeProvider.System);

        var result = await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed), CancellationToken.None);

        Assert.Equal(FetchFailureKind.Timeout, result.FailureKind);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = respond(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}

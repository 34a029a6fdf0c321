using FeedHarvester.Fetching;
using FeedHarvester.Worker.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace FeedHarvester.Tests.Composition;

public sealed class ResilienceRefusalHandlerTests
{
    private static readonly Uri FeedUrl = new("http://127.0.0.1:1/feed.xml");

    [Fact]
    public async Task Fetch_CircuitOpen_NetworkErrorWithTheCircuitInItsMessage()
    {
        var result = await FetchThroughAsync(new BrokenCircuitException("The circuit is now open and is not allowing calls."));

        Assert.True(result.TryGetFailure(out var failure));
        Assert.Equal(FetchFailureKind.NetworkError, failure.Kind);
        Assert.Equal("fetch: host failing repeatedly, circuit open: The circuit is now open and is not allowing calls.", failure.Message);
    }

    [Fact]
    public async Task Fetch_AttemptTimedOut_Timeout()
    {
        var result = await FetchThroughAsync(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:10'."));

        Assert.True(result.TryGetFailure(out var failure));
        Assert.Equal(FetchFailureKind.Timeout, failure.Kind);
    }

    [Fact]
    public async Task Fetch_OtherRefusal_NetworkErrorSayingTheRequestWasRefused()
    {
        var result = await FetchThroughAsync(new Refused("The rate limiter rejected the call."));

        Assert.True(result.TryGetFailure(out var failure));
        Assert.Equal(FetchFailureKind.NetworkError, failure.Kind);
        Assert.Equal("fetch: request refused by the resilience pipeline: The rate limiter rejected the call.", failure.Message);
    }

    [Fact]
    public async Task Send_Refusals_BecomeTheExceptionsHttpClientThrows()
    {
        using var circuit = Invoker(new BrokenCircuitException("open"));
        using var timeout = Invoker(new TimeoutRejectedException("late"));

        var network = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(circuit));
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(timeout));

        Assert.Null(network.InnerException);
        Assert.IsType<TimeoutRejectedException>(Assert.IsType<TimeoutException>(cancelled.InnerException).InnerException);
    }

    [Fact]
    public async Task Send_OtherExceptions_PassUnchanged()
    {
        var thrown = new HttpRequestException("connection refused");
        using var invoker = Invoker(thrown);

        Assert.Same(thrown, await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(invoker)));
    }

    [Fact]
    public void HarvesterHttpClient_RefusalHandler_SitsOutsideTheResilienceHandler()
    {
        using var services = new ServiceCollection().AddLogging().AddHarvesterHttpClient(new FetchingOptions()).BuildServiceProvider();

        var chain = new List<string>();
        for (var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpFetcher.HttpClientName); handler is not null;
             handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(handler.GetType().Name);
        }

        var refusals = chain.IndexOf(nameof(ResilienceRefusalHandler));
        Assert.True(refusals >= 0 && refusals < chain.IndexOf("ResilienceHandler"), string.Join(" -> ", chain));
    }

    private static async Task<FetchResult> FetchThroughAsync(Exception refusal)
    {
        var options = new FetchingOptions { RespectRobotsTxt = false };
        options.AllowedPrivateHosts = [.. options.AllowedPrivateHosts, "127.0.0.1:1"];
        using var client = new HttpClient(new ResilienceRefusalHandler { InnerHandler = new ThrowingHandler(refusal) });
        var fetcher = new HttpFetcher(client, new HostLimiter(1), Options.Create(options), TimeProvider.System);
        return await fetcher.FetchAsync(new FetchRequest(FeedUrl, FetchKind.Feed), CancellationToken.None);
    }

    private static HttpMessageInvoker Invoker(Exception thrown) => new(new ResilienceRefusalHandler { InnerHandler = new ThrowingHandler(thrown) });

    private static async Task SendAsync(HttpMessageInvoker invoker)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FeedUrl);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
    }

    private sealed class ThrowingHandler(Exception thrown) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromException<HttpResponseMessage>(thrown);
    }

    private sealed class Refused(string message) : ExecutionRejectedException(message);
}

using FeedHarvester.Fetching;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Tests.Fetching;

/// <summary>A fetcher wired as in production (guarded SocketsHttpHandler, no resilience handler) for loopback tests.</summary>
internal static class LoopbackFetcher
{
    public static HttpFetcher Create(FetchingOptions options, TimeProvider? time = null, HostLimiter? limiter = null)
    {
        var clock = time ?? TimeProvider.System;
        var client = new HttpClient(FetchingHandler.Create(options)) { Timeout = Timeout.InfiniteTimeSpan };
        return new HttpFetcher(client, limiter ?? HostLimiter.Create(options, clock), Options.Create(options), clock);
    }

    /// <summary>Options that allow exactly the given loopback servers and skip robots.txt unless a test turns it on.</summary>
    public static FetchingOptions Allowing(params string[] hostPorts) =>
        new() { AllowedPrivateHosts = [.. hostPorts], RespectRobotsTxt = false };

    public static Task<FetchResult> FeedAsync(this HttpFetcher fetcher, Uri url) =>
        fetcher.FetchAsync(new FetchRequest(url, FetchKind.Feed), CancellationToken.None);

    public static Task<FetchResult> PageAsync(this HttpFetcher fetcher, Uri url) =>
        fetcher.FetchAsync(new FetchRequest(url, FetchKind.Page), CancellationToken.None);
}

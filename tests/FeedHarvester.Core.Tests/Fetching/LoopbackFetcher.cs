using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
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

    /// <summary>
    /// A fetcher whose proxy is chosen from <paramref name="options"/> as at start-up (no environment), with names looked
    /// up in <paramref name="resolver"/> by the connect step and by the check of proxied targets alike.
    /// </summary>
    public static HttpFetcher CreateProxied(FetchingOptions options, FixedResolver resolver, Action<SocketsHttpHandler>? tune = null)
    {
        var proxy = ProxySelection.Select(options, _ => null).Proxy ?? throw new ArgumentException("no proxy in these options", nameof(options));
        var client = new HttpClient(FetchingHandler.Create(options, proxy, tune, resolver.ResolveAsync)) { Timeout = Timeout.InfiniteTimeSpan };
        return new HttpFetcher(client, HostLimiter.Create(options, TimeProvider.System), Options.Create(options), TimeProvider.System);
    }

    /// <summary>Options that allow exactly the given loopback servers and skip robots.txt unless a test turns it on.</summary>
    public static FetchingOptions Allowing(params string[] hostPorts) =>
        new() { AllowedPrivateHosts = [.. hostPorts], RespectRobotsTxt = false };

    public static Task<FetchResult> FeedAsync(this HttpFetcher fetcher, Uri url) =>
        fetcher.FetchAsync(new FetchRequest(url, FetchKind.Feed), CancellationToken.None);

    public static Task<FetchResult> PageAsync(this HttpFetcher fetcher, Uri url) =>
        fetcher.FetchAsync(new FetchRequest(url, FetchKind.Page), CancellationToken.None);
}

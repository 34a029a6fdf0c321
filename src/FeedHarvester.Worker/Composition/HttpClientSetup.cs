using FeedHarvester.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace FeedHarvester.Worker.Composition;

/// <summary>
/// The one HttpClient every fetch goes through: the guarded handler from <see cref="FetchingHandler"/> (decompression,
/// no automatic redirects, private-address guard on connect and on proxied targets, the configured proxy), one standard resilience handler, and outside it the
/// <see cref="ResilienceRefusalHandler"/> that turns the resilience handler's refusals into what the fetcher understands.
/// </summary>
internal static class HttpClientSetup
{
    /// <summary>Longest single attempt; the fetcher's own total limit still covers the whole request.</summary>
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Pooled connections are recycled this often, so DNS changes are picked up (and re-checked by the guard).</summary>
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <param name="proxy">The proxy chosen at start-up (<see cref="ProxySelection"/>), or null for direct connections.</param>
    public static IServiceCollection AddHarvesterHttpClient(this IServiceCollection services, FetchingOptions fetching, FetchProxy? proxy = null)
    {
        _ = services.AddHttpClient(HttpFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => FetchingHandler.Create(fetching, proxy, handler =>
            {
                handler.PooledConnectionLifetime = PooledConnectionLifetime;
                handler.ConnectTimeout = ConnectTimeout;
            }))
            // The factory's own request logging writes at Information and Trace only, which the host filters out
            // (System.Net.Http.HttpClient at Warning), yet it opens a log scope and times every request; the fetcher
            // logs what an operator needs about each fetch itself.
            .RemoveAllLoggers()
            // Outside the resilience handler, so its refusals reach the fetcher as the exceptions HttpClient throws.
            .AddHttpMessageHandler(() => new ResilienceRefusalHandler())
            .AddStandardResilienceHandler(options => Configure(options, fetching))
            // One pipeline per host, so one failing site cannot open the circuit for every other site.
            .SelectPipelineByAuthority();
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions options, FetchingOptions fetching)
    {
        var attempt = fetching.Timeout < MaxAttemptTimeout ? fetching.Timeout : MaxAttemptTimeout;
        options.TotalRequestTimeout.Timeout = fetching.Timeout;
        options.AttemptTimeout.Timeout = attempt;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, attempt.TotalSeconds * 2));
        // One quick retry covers a dropped connection or a brief 5xx; longer outages are the scheduler's back-off,
        // which keeps a failing host from holding a fetch slot for most of the time limit.
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        // A Retry-After of minutes must reschedule the feed, not hold a request open; 429 goes back to the scheduler.
        options.Retry.ShouldRetryAfterHeader = false;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome));
        // A refused private address is a decision, not a failing host: it must not count towards opening the circuit.
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            PrivateAddressBlockedException.Find(args.Outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }

    // Only a dropped connection or a hung attempt is retried within one poll. An error status (5xx, 429) goes straight
    // back to the feed's scheduler, which backs off with jitter: retrying at once adds load to a failing server, and
    // the retry delays could outlast the fetch's total limit and turn a clear ServerError into a Timeout.
    // A guard refusal is never retried: it would only be refused again.
    private static bool IsWorthRetrying(Polly.Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is not null
        && PrivateAddressBlockedException.Find(outcome.Exception) is null
        && HttpClientResiliencePredicates.IsTransient(outcome);
}

using System.Net;
using FeedHarvester.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace FeedHarvester.Worker.Composition;

/// <summary>The one HttpClient every fetch goes through: decompression, bounded redirects, one standard resilience handler.</summary>
internal static class HttpClientSetup
{
    /// <summary>Longest single attempt; the fetcher's own total limit still covers the whole request.</summary>
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddHarvesterHttpClient(this IServiceCollection services, FetchingOptions fetching)
    {
        _ = services.AddHttpClient(HttpFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                AllowAutoRedirect = fetching.MaxRedirects > 0,
                MaxAutomaticRedirections = Math.Max(1, fetching.MaxRedirects),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                UseCookies = false,
            })
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
        options.Retry.MaxRetryAttempts = 2;
        // A Retry-After of minutes must reschedule the feed, not hold a request open; 429 goes back to the scheduler.
        options.Retry.ShouldRetryAfterHeader = false;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }
}

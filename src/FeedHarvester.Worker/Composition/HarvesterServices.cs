using FeedHarvester.Cleaning;
using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Worker.Composition;

/// <summary>Registers the pipeline: stage engines, the HTTP stack, the embedded store and sink.</summary>
internal static class HarvesterServices
{
    /// <summary>Everything <c>run</c> needs.</summary>
    public static IServiceCollection AddFeedHarvester(this IServiceCollection services, HarvesterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = services
            .AddSingleton(settings)
            .AddHarvestStages(settings.Fetching, settings.Deduplication, settings.Proxy.Proxy)
            .AddSingleton(settings.Extraction)
            .AddSingleton(settings.Scheduling)
            .AddSingleton(new FeedCatalog(settings.Feeds))
            .AddSingleton(sp => new PollSchedule(sp.GetRequiredService<SchedulingOptions>()) { LongestRetryAfter = settings.Fetching.MaxRetryAfter })
            .AddSingleton<FeedStateTransitions>()
            .AddStore(settings)
            .AddSingleton<EmitPump>()
            .AddSingleton<PageFetcher>()
            .AddSingleton<ExtractionRunner>()
            .AddSingleton<EntryHarvester>()
            // Redis mode has the connection monitor say when Redis goes and comes back; the poller would say it a second time.
            .AddSingleton(sp => new StoreOutageLog(sp.GetRequiredService<ILogger<FeedPoller>>(), sp.GetRequiredService<TimeProvider>(), logsChanges: !settings.UsesRedis))
            .AddSingleton<FeedPoller>();
        return services;
    }

    /// <summary>Redis when configured (state, seen keys and the stream there), else the embedded SQLite store and JSON-lines sink.</summary>
    private static IServiceCollection AddStore(this IServiceCollection services, HarvesterSettings settings) =>
        settings.UsesRedis
            ? services.AddRedisStore(settings.Redis)
            : services
                .AddLocalStore(options =>
                {
                    options.DataDirectory = settings.Storage.DataDirectory;
                    options.OutputPath = settings.Storage.OutputPath;
                    options.BusyTimeout = settings.Storage.BusyTimeout;
                    options.EmitBatchSize = settings.Storage.EmitBatchSize;
                    options.SeenKeyRetention = settings.Storage.SeenKeyRetention;
                    options.ReseedFromOutput = settings.Storage.ReseedFromOutput;
                })
                .AddSingleton<IPollLease, ProcessPollLease>();

    /// <summary>The stateless stage engines and the HTTP stack (no store): enough for parse and extract.</summary>
    /// <param name="proxy">The proxy chosen at start-up, or null for direct connections.</param>
    public static IServiceCollection AddHarvestStages(this IServiceCollection services, FetchingOptions fetching, DeduplicationOptions deduplication, FetchProxy? proxy)
    {
        _ = services
            .AddSingleton(TimeProvider.System)
            .AddSingleton(fetching)
            .AddSingleton(Options.Create(fetching))
            .AddSingleton(deduplication)
            .AddHarvesterHttpClient(fetching, proxy)
            .AddSingleton(sp => HostLimiter.Create(fetching, sp.GetRequiredService<TimeProvider>()))
            .AddSingleton(sp => new HttpFetcher(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpFetcher.HttpClientName),
                sp.GetRequiredService<HostLimiter>(),
                sp.GetRequiredService<IOptions<FetchingOptions>>(),
                sp.GetRequiredService<TimeProvider>()))
            .AddSingleton<FeedParser>()
            .AddSingleton<IArticleExtractor>(sp => new ArticleExtractor(
                sp.GetRequiredService<ILogger<ArticleExtractor>>(),
                sp.GetService<ExtractionOptions>(),
                sp.GetRequiredService<TimeProvider>()))
            .AddSingleton(sp => new HtmlCleaner(
                (sp.GetService<ExtractionOptions>() ?? new ExtractionOptions()).PageTimeBudget,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HtmlCleaner>>()))
            .AddSingleton<ArticleNormalizer>()
            .AddSingleton<DedupeKeyBuilder>();
        return services;
    }
}

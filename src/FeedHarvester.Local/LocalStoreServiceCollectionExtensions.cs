using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Local;

public static class LocalStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded store as <see cref="IFeedStateStore"/>, <see cref="IDedupeStore"/> and <see cref="IArticleSink"/>.
    /// Options come from <paramref name="configure"/> (or <c>AddOptions&lt;LocalStoreOptions&gt;()</c>) and must be valid
    /// (<see cref="LocalStoreOptionsValidator"/>, which the worker runs at start-up); the store opens on first use and closes
    /// with the service provider.
    /// </summary>
    public static IServiceCollection AddLocalStore(this IServiceCollection services, Action<LocalStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<LocalStoreOptions>();
        if (configure is not null)
        {
            _ = options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => LocalStore.Open(
            provider.GetRequiredService<IOptions<LocalStoreOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            KeyBuilder(provider)));
        services.TryAddSingleton(provider => provider.GetRequiredService<LocalStore>().Store);
        services.TryAddSingleton(provider => provider.GetRequiredService<LocalStore>().Sink);
        services.TryAddSingleton<IFeedStateStore>(provider => provider.GetRequiredService<SqliteHarvestStore>());
        services.TryAddSingleton<IDedupeStore>(provider => provider.GetRequiredService<SqliteHarvestStore>());
        services.TryAddSingleton<IArticleSink>(provider => provider.GetRequiredService<JsonLinesSink>());
        return services;
    }

    // A re-seed must derive the keys exactly as the claims do, so it takes the host's own builder when there is one.
    private static DedupeKeyBuilder KeyBuilder(IServiceProvider provider) =>
        provider.GetService<DedupeKeyBuilder>() ?? new DedupeKeyBuilder(provider.GetService<DeduplicationOptions>() ?? new DeduplicationOptions());
}

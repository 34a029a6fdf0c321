using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Registers Redis mode, all singletons: the <see cref="IConnectionMultiplexer"/>, the <see cref="RedisConnectionMonitor"/>,
    /// <see cref="RedisHarvestStore"/> as <see cref="IFeedStateStore"/> and <see cref="IDedupeStore"/>,
    /// <see cref="RedisArticleSink"/> as <see cref="IArticleSink"/> and <see cref="RedisPollLease"/> as <see cref="IPollLease"/>.
    /// The options must be valid (<see cref="RedisOptionsValidator"/>, which the worker runs at start-up); the connection
    /// opens on first use, does not wait for Redis to be up, and closes when the provider is disposed. A Redis that answers
    /// but refuses the credentials fails that first use with a <see cref="RedisAuthenticationException"/>.
    /// </summary>
    public static IServiceCollection AddRedisStore(this IServiceCollection services, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        _ = services.AddSingleton(options);

        // Created by a factory, so the provider owns it and disposes it (closing the connection) with itself.
        _ = services.AddSingleton<IConnectionMultiplexer>(_ => RedisConnectionFactory.Connect(options));
        var configuration = RedisConnectionFactory.CreateConfiguration(options);
        _ = services.AddSingleton(provider => new RedisConnectionMonitor(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            LoggerFor<RedisConnectionMonitor>(provider),
            () => RedisAuthentication.ProbeRefusedAsync(configuration)));

        // Resolving the store also creates the monitor, so whoever uses Redis gets its state changes logged.
        _ = services.AddSingleton(provider =>
        {
            _ = provider.GetRequiredService<RedisConnectionMonitor>();
            return new RedisHarvestStore(provider.GetRequiredService<IConnectionMultiplexer>(), options, LoggerFor<RedisHarvestStore>(provider));
        });
        _ = services.AddSingleton<IFeedStateStore>(provider => provider.GetRequiredService<RedisHarvestStore>());
        _ = services.AddSingleton<IDedupeStore>(provider => provider.GetRequiredService<RedisHarvestStore>());
        _ = services.AddSingleton<IArticleSink, RedisArticleSink>();
        _ = services.AddSingleton<IPollLease>(provider => new RedisPollLease(
            provider.GetRequiredService<IConnectionMultiplexer>(), options, LoggerFor<RedisPollLease>(provider)));
        return services;
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}

using FeedHarvester.Deduplication;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Composition;

/// <summary>The embedded default back end: SQLite state and seen keys, JSON-lines output.</summary>
internal static class LocalStoreRegistration
{
    public static IServiceCollection AddLocalStore(this IServiceCollection services, LocalStoreOptions options) =>
        services
            .AddSingleton(sp => LocalStore.Open(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()))
            .AddSingleton<IFeedStateStore>(sp => sp.GetRequiredService<LocalStore>().Store)
            .AddSingleton<IDedupeStore>(sp => sp.GetRequiredService<LocalStore>().Store)
            .AddSingleton<IArticleSink>(sp => sp.GetRequiredService<LocalStore>().Sink);
}

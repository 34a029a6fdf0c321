using System.Diagnostics.Metrics;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace FeedHarvester.Worker.Health;

/// <summary>Registers the harvester's metrics: the instruments, the OpenTelemetry SDK, /metrics and optional OTLP push.</summary>
internal static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the host's own <see cref="HarvestMetrics"/> (a required dependency of the pipeline's classes;
    /// <c>run --once</c> reads its stage totals) and times every sink round. Both the service and
    /// <c>run --once</c> call it, after the store is registered (<c>AddFeedHarvester</c>): it wraps the registered <see cref="IArticleSink"/>.
    /// </summary>
    public static IServiceCollection AddHarvestInstruments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddSingleton(sp => new HarvestMetrics(sp.GetService<IMeterFactory>(), sp.GetService<TimeProvider>()))
            .DecorateArticleSink();
    }

    /// <summary>
    /// Adds the OpenTelemetry MeterProvider over the <see cref="HarvestMetrics"/> instruments (see <see cref="AddHarvestInstruments"/>),
    /// with the <see cref="MetricsScraper"/> the <see cref="HealthListener"/> serves as /metrics, and an OTLP exporter when
    /// <see cref="ObservabilityOptions.OtlpEndpoint"/> is set.
    /// </summary>
    public static IServiceCollection AddHarvesterMetrics(this IServiceCollection services, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _ = services
            .AddSingleton<MetricsScraper>()
            .AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                // Runtime (GC, heap, thread pool, exceptions) and process (CPU, memory, threads) series, as operators expect beside the harvester's own.
                _ = metrics
                    .AddMeter(MetricNames.Meter)
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddReader(sp => sp.GetRequiredService<MetricsScraper>().Reader);
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                {
                    _ = metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint));
                }
            });
        return services;
    }

    // The sink is registered by the store (a factory for the embedded one, a type for Redis); the timed wrapper takes its place.
    private static IServiceCollection DecorateArticleSink(this IServiceCollection services)
    {
        var index = LastIndexOf(services, typeof(IArticleSink));
        if (index < 0)
        {
            return services;
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<IArticleSink>(sp => new TimedArticleSink(Create(sp, inner), sp.GetRequiredService<HarvestMetrics>()));
        return services;
    }

    private static IArticleSink Create(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IArticleSink instance } => instance,
        { ImplementationFactory: { } factory } => (IArticleSink)factory(services),
        { ImplementationType: { } type } => (IArticleSink)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The IArticleSink registration has no implementation to wrap."),
    };

    private static int LastIndexOf(IServiceCollection services, Type serviceType)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == serviceType && !services[i].IsKeyedService)
            {
                return i;
            }
        }

        return -1;
    }
}

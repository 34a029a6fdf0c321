using FeedHarvester.Emitting;
using FeedHarvester.Local;
using FeedHarvester.Worker.Jobs;
using FeedHarvester.Worker.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FeedHarvester.Redis;
using FeedHarvester.Worker.Clustering;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Hosting;
using Quartz;

namespace FeedHarvester.Worker.Composition;

/// <summary>Builds the generic host around the pipeline, for the service and for a single run.</summary>
internal static class HarvesterHost
{
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, HarvesterSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        _ = builder.Configuration.AddConfiguration(configuration);
        _ = builder.Logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning)
            // Each retry would be a line of its own; the poll's outcome is logged once by the pipeline instead.
            .AddFilter("Polly", LogLevel.None)
            .AddFilter("Quartz", LogLevel.Warning)
            // "Application started", "shutting down", content root: the worker's own start and stop lines say what matters.
            .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        AddConsoleFormat(builder.Logging, settings.Observability.LogFormat);
        _ = builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        _ = builder.Services.AddFeedHarvester(settings).AddHarvestInstruments();
        return builder;
    }

    /// <exception cref="RedisUnreachableException">Redis mode and no Redis answers: a single run has nothing to wait for.</exception>
    public static async Task<HarvestSummary> RunOnceAsync(IConfiguration configuration, HarvesterSettings settings, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder(configuration, settings);
        _ = builder.Services.AddSingleton<OnceRunner>();
        using var host = builder.Build();
        OpenStoreBeforeStart(host.Services, settings, redisMustAnswer: true);
        StartupRemarks.Log(host.Services, settings);
        return await host.Services.GetRequiredService<OnceRunner>().RunAsync(settings.Feeds, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="customize">A last word on the host before it is built (tests add a log capture here).</param>
    public static async Task<int> RunServiceAsync(IConfiguration configuration, HarvesterSettings settings, CancellationToken cancellationToken, Action<HostApplicationBuilder>? customize = null)
    {
        var builder = CreateBuilder(configuration, settings);
        var observability = settings.Observability;
        _ = builder.Services
            .AddSingleton(observability)
            .AddHarvesterMetrics(observability)
            .AddSingleton(sp => new HealthState(
                sp.GetRequiredService<TimeProvider>(),
                StoreReachability(sp, settings),
                () => sp.GetRequiredService<EmitPump>().Failure))
            .AddSingleton<OverduePollCheck>()
            .AddSingleton<ReadinessProbe>()
            .AddSingleton<HealthListener>()
            .AddHostedService(sp => sp.GetRequiredService<HealthListener>())
            .AddHostedService<SinkProbe>()
            .AddScheduler(settings)
            .AddSingleton(configuration as IConfigurationRoot ?? throw new ArgumentException("a configuration root is needed to watch the feed list", nameof(configuration)))
            .AddHostedService<FeedListWatcher>()
            .AddSeenKeyPurge(settings)
            // Last, so under systemd its journal log format replaces the console format chosen above.
            .AddSystemdIntegration();
        // First of all hosted services, so it is the last one stopped.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ShutdownLog>());
        IServiceProvider? built = null;
        if (settings.UsesCluster)
        {
            _ = builder.Logging.AddClusterLogFilters(() => built!.GetRequiredService<ClusterDatabaseMonitor>());
        }

        customize?.Invoke(builder);
        using var host = builder.Build();
        built = host.Services;
        OpenStoreBeforeStart(host.Services, settings, redisMustAnswer: false);
        if (settings.UsesCluster)
        {
            await PrepareClusterDatabaseAsync(host.Services, settings.Cluster, cancellationToken).ConfigureAwait(false);
        }

        // After the store: a second worker on the same data directory is told that (exit 3) before it is told about the port.
        host.Services.GetRequiredService<HealthListener>().Bind();
        StartupRemarks.Log(host.Services, settings);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    // One in-memory scheduler per worker (embedded, Redis), or Quartz's clustered store shared by every worker (cluster).
    private static IServiceCollection AddScheduler(this IServiceCollection services, HarvesterSettings settings) =>
        settings.UsesCluster
            ? services.AddClusteredScheduler(settings.Cluster, settings.Scheduling.MaxConcurrentFeeds)
            : services
                .AddQuartz(quartz => quartz.UseDefaultThreadPool(settings.Scheduling.MaxConcurrentFeeds))
                .AddQuartzHostedService(options => options.WaitForJobsToComplete = true)
                .AddTransient<PollFeedJob>()
                .AddHostedService<FeedScheduler>()
                .AddHostedService<ScheduleClamp>()
                .AddSingleton<IFeedListApplier, LocalFeedListApplier>();

    // Before the host starts, like the store: an unreachable database or a schema from a newer release ends the start-up
    // with one line (a ClusterDatabaseException, exit 9) instead of a scheduler that fails on its first statement.
    private static async Task PrepareClusterDatabaseAsync(IServiceProvider services, ClusterOptions cluster, CancellationToken cancellationToken)
    {
        var connectionString = cluster.ConnectionString!;
        var before = await ClusterSchema.EnsureAsync(connectionString, cancellationToken).ConfigureAwait(false);
        if (before < ClusterSchema.CurrentVersion)
        {
            Clustering.Log.SchemaCreated(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterSchema)), ClusterDatabase.Describe(connectionString), ClusterSchema.CurrentVersion);
        }
    }

    // Opened here rather than by the first hosted service that needs it: a store that cannot be opened (in use, not
    // writable, lost or unreadable) then fails the start as one LocalStoreException line, not as the host's start-up
    // failure with a stack trace logged before it. Redis is connected here too, so credentials it refuses end the
    // start-up with one clear error (a RedisAuthenticationException, exit 2); an unreachable Redis is waited for by the
    // service, and ends a single run at once (it would only fail every feed).
    private static void OpenStoreBeforeStart(IServiceProvider services, HarvesterSettings settings, bool redisMustAnswer)
    {
        if (settings.UsesRedis)
        {
            var connection = services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
            if (redisMustAnswer)
            {
                RedisConnectionFactory.EnsureConnected(connection, settings.Redis);
            }
        }
        else
        {
            _ = services.GetRequiredService<LocalStore>();
        }
    }

    // Redis expires seen keys by TTL; the embedded store purges them itself while the service runs.
    private static IServiceCollection AddSeenKeyPurge(this IServiceCollection services, HarvesterSettings settings) =>
        settings.UsesRedis
            ? services
            : services
                .AddSingleton(sp => new SeenKeyPurger(
                    sp.GetRequiredService<SqliteHarvestStore>(),
                    sp.GetRequiredService<IOptions<LocalStoreOptions>>().Value,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<SeenKeyPurger>>()))
                .AddHostedService<SeenKeyPurgeService>();

    // The embedded store is a file beside the worker: if it were unusable the worker would not have started.
    private static Func<bool> StoreReachability(IServiceProvider services, HarvesterSettings settings)
    {
        if (!settings.UsesRedis)
        {
            return static () => true;
        }

        var monitor = services.GetRequiredService<RedisConnectionMonitor>();
        if (settings.UsesCluster)
        {
            var database = services.GetRequiredService<ClusterDatabaseMonitor>();
            return () => monitor.IsConnected && database.IsReachable;
        }

        return () => monitor.IsConnected;
    }

    private static void AddConsoleFormat(ILoggingBuilder logging, LogFormat format)
    {
        if (format == LogFormat.Json)
        {
            _ = logging.AddJsonConsole(options =>
            {
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
            return;
        }

        _ = logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
    }
}

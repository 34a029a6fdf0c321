using FeedHarvester.Feeds;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>Clustered mode's scheduler: Quartz's ADO.NET job store on PostgreSQL, clustered, and the services that fill it.</summary>
internal static class ClusterServiceCollectionExtensions
{
    private static readonly TimeSpan IdleWaitTime = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddClusteredScheduler(this IServiceCollection services, ClusterOptions options, int maxConcurrentFeeds)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ConnectionString ?? throw new ArgumentException("clustered mode needs a connection string", nameof(options));
        _ = services
            .AddQuartz(quartz =>
            {
                quartz.ConfigureScheduler(scheduler =>
                {
                    scheduler.InstanceName = ClusterDefaults.SchedulerName;
                    scheduler.GenerateInstanceId = true;
                    // Another worker's changes do not wake this one: a worker with nothing acquired looks for due polls this often
                    // (Quartz's default is 30 seconds), so a worker that joins or frees up takes its share soon.
                    scheduler.IdleWaitTime = IdleWaitTime;
                });
                quartz.UseDefaultThreadPool(maxConcurrentFeeds);
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.CheckInInterval;
                        cluster.CheckinMisfireThreshold = options.CheckInMisfireThreshold;
                    });
                    store.ConfigureStore(ado =>
                    {
                        ado.TablePrefix = ClusterDefaults.TablePrefix;
                        ado.StoreJobDataAsStrings = true;
                        ado.MisfireThreshold = options.MisfireThreshold;
                        // ClusterSchema has made the tables; Quartz checks they are all there, with every column it uses.
                        ado.SchemaProvisioning = SchemaProvisioning.Validate;
                    });
                });
            })
            .AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true)
            .AddSingleton(options)
            .AddSingleton<ClusterDatabaseMonitor>()
            .AddHostedService(sp => sp.GetRequiredService<ClusterDatabaseMonitor>())
            .AddTransient<ClusterPollJob>()
            .AddSingleton<ClusterFeedJobs>()
            .AddSingleton<FeedListEditTime>()
            .AddSingleton<ClusterFeedScheduler>()
            .AddHostedService(sp => sp.GetRequiredService<ClusterFeedScheduler>())
            .AddSingleton<IFeedListApplier, ClusterFeedListApplier>();
        // The clustered store already fires each feed's job on one worker at a time: a Redis lease on top would only cost commands.
        services.Replace(ServiceDescriptor.Singleton<IPollLease, ProcessPollLease>());
        return services;
    }

    /// <summary>
    /// Quartz's store retries a failing statement and logs each attempt; while <see cref="ClusterDatabaseMonitor"/> knows the
    /// database is down its one line says it all, so Quartz is heard again only once the database answers.
    /// </summary>
    public static ILoggingBuilder AddClusterLogFilters(this ILoggingBuilder logging, Func<ClusterDatabaseMonitor> monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        // Retries of transient failures, logged as warnings before they are errors: noise the outage line covers.
        return logging
            .AddFilter("Quartz", level => level >= LogLevel.Warning && monitor().IsReachable)
            .AddFilter("Quartz.Impl.AdoJobStore", level => level >= LogLevel.Error && monitor().IsReachable);
    }
}

using FeedHarvester.Feeds;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>Clustered mode's scheduler: Quartz's ADO.NET job store on PostgreSQL, clustered, and the services that fill it.</summary>
internal static class ClusterServiceCollectionExtensions
{
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
            .AddTransient<ClusterPollJob>()
            .AddSingleton<ClusterFeedJobs>()
            .AddSingleton<ClusterFeedScheduler>()
            .AddHostedService(sp => sp.GetRequiredService<ClusterFeedScheduler>())
            .AddSingleton<IFeedListApplier, ClusterFeedListApplier>();
        // The clustered store already fires each feed's job on one worker at a time: a Redis lease on top would only cost commands.
        services.Replace(ServiceDescriptor.Singleton<IPollLease, ProcessPollLease>());
        return services;
    }
}

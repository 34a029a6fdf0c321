using FeedHarvester.Emitting;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Clustered mode's start-up and edits: writes out what an interrupted run left queued, then reconciles this worker's feed
/// list into the shared job store, and again whenever the list is edited (<see cref="Request"/>). A reconcile the database
/// refuses is tried again until it holds, so an edit made during an outage is applied once the database is back.
/// A list the store does not take because it runs one edited later is logged once per pair of lists.
/// </summary>
internal sealed class ClusterFeedScheduler(
    ClusterFeedJobs jobs,
    FeedCatalog catalog,
    FeedListEditTime editTime,
    EmitPump emitter,
    HealthState health,
    ClusterOptions options,
    ClusterDatabaseMonitor database,
    ISchedulerFactory schedulerFactory,
    TimeProvider timeProvider,
    ILogger<ClusterFeedScheduler> logger) : BackgroundService
{
    /// <summary>Feeds new to the job store at start-up are first polled within this long, so they do not all fire together.</summary>
    private static readonly TimeSpan StartSpread = TimeSpan.FromSeconds(30);

    /// <summary>A feed added by an edit is first polled within this long.</summary>
    private static readonly TimeSpan NewFeedSpread = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _requested = new(0, 1);

    private (string Mine, string Applied)? _keptLogged;

    /// <summary>Asks for a reconcile of the catalog's feeds (it now holds an edited list).</summary>
    public void Request()
    {
        if (_requested.CurrentCount == 0)
        {
            try
            {
                _ = _requested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already requested: the pending reconcile reads the newest list.
            }
        }
    }

    public override void Dispose()
    {
        _requested.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _ = await emitter.RecoverAsync(stoppingToken).ConfigureAwait(false);
            var scheduler = await schedulerFactory.GetScheduler(stoppingToken).ConfigureAwait(false);
            Log.Joined(logger, scheduler.SchedulerName, scheduler.SchedulerInstanceId);
            var spread = StartSpread;
            var started = false;
            while (true)
            {
                if (await TryReconcileAsync(spread, stoppingToken).ConfigureAwait(false))
                {
                    if (!started)
                    {
                        health.SchedulerStarted();
                        started = true;
                    }

                    spread = NewFeedSpread;
                    await _requested.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(RetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> TryReconcileAsync(TimeSpan spread, CancellationToken cancellationToken)
    {
        try
        {
            var feeds = catalog.Feeds;
            var editedAt = editTime.Current();
            var result = await jobs.ReconcileAsync(feeds, editedAt, spread, cancellationToken).ConfigureAwait(false);
            var database = ClusterDatabase.Describe(options.ConnectionString!);
            if (!result.Kept)
            {
                _keptLogged = null;
                Log.Reconciled(logger, database, feeds.Count(f => f.Enabled), result.Added, result.Removed, result.Changed, result.Unchanged);
                return true;
            }

            var mine = FeedListVersion.Of(feeds, editedAt);
            if (_keptLogged != (mine.Fingerprint, result.Applied.Fingerprint))
            {
                _keptLogged = (mine.Fingerprint, result.Applied.Fingerprint);
                Log.OlderListKept(logger, mine.FeedCount, mine.EditedAt, database, result.Applied.FeedCount, result.Applied.EditedAt, result.Applied.AppliedBy);
            }

            return true;
        }
        catch (Exception ex) when (ex is ClusterDatabaseException or SchedulerException or Npgsql.NpgsqlException && !cancellationToken.IsCancellationRequested)
        {
            if (database.IsReachable)
            {
                Log.ReconcileFailed(logger, ex.Message, RetryDelay);
            }

            return false;
        }
    }
}

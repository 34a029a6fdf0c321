using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FeedHarvester.Worker.Clustering;

/// <summary>
/// Watches the cluster's database while the service runs, so an outage is logged once when it starts and once when it ends,
/// readiness reports it, and Quartz's own retries are kept out of the log meanwhile (each would be a line a second). Nothing
/// stops while the database is down: polls running finish, and Quartz fires the due ones once it answers again.
/// </summary>
internal sealed class ClusterDatabaseMonitor(ClusterOptions options, TimeProvider timeProvider, ILogger<ClusterDatabaseMonitor> logger) : BackgroundService
{
    /// <summary>How often the database is asked whether it answers.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private const int ProbeTimeoutSeconds = 2;

    private readonly string _probeConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
    {
        Timeout = ProbeTimeoutSeconds,
        CommandTimeout = ProbeTimeoutSeconds,
        // Its own small pool: a probe must not wait behind Quartz's connections, nor leave one broken for them.
        ApplicationName = "feedharvester-probe",
        MaxPoolSize = 1,
    }.ConnectionString;

    private volatile bool _down;
    private DateTimeOffset _downSince;

    /// <summary>False from the first failed probe to the first one that succeeds again.</summary>
    public bool IsReachable => !_down;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProbeInterval, timeProvider);
        try
        {
            do
            {
                Observe(await ProbeAsync(stoppingToken).ConfigureAwait(false));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Observe(string? failure)
    {
        var database = ClusterDatabase.Describe(options.ConnectionString!);
        if (failure is not null && !_down)
        {
            _downSince = timeProvider.GetUtcNow();
            _down = true;
            Log.DatabaseDown(logger, database, failure);
        }
        else if (failure is null && _down)
        {
            _down = false;
            Log.DatabaseBack(logger, database, timeProvider.GetUtcNow() - _downSince);
        }
    }

    /// <summary>Null when the database answered, else why not.</summary>
    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_probeConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            _ = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return ex.Message;
        }
    }
}

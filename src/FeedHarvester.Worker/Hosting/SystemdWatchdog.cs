using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Hosting;

/// <summary>
/// Sends systemd <c>WATCHDOG=1</c> every <see cref="SystemdWatchdogSettings.PingInterval"/>, but only while the worker
/// is ready by the same judgement as <c>/readyz</c> (<see cref="ReadinessProbe"/>): scheduler started, store reachable,
/// sink writing, no poll overdue. A scheduler that has stopped polling or a store that stays unreachable thus lets
/// <c>WatchdogSec=</c> run out, and systemd restarts the service; feeds that fail or wait hours for their next poll
/// (long intervals, back-off) do not, since the worker is doing its job.
/// </summary>
/// <remarks>
/// Checks begin when the host has started (after <c>READY=1</c>), so start-up order among hosted services
/// cannot make a worker that is still starting look unhealthy.
/// </remarks>
internal sealed partial class SystemdWatchdog(
    ISystemdNotifier notifier,
    SystemdWatchdogSettings settings,
    ReadinessProbe readiness,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    private bool _pinging = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
        {
            // No NOTIFY_SOCKET: nobody to ping (systemd without Type=notify, or a test run outside systemd).
            return;
        }

        if (!await HostStartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        LogWatching(logger, settings.Timeout, settings.PingInterval);
        using var timer = new PeriodicTimer(settings.PingInterval, timeProvider);
        do
        {
            await CheckAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Pings when the worker is ready; logs the change when it stops or resumes pinging.</summary>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var reasons = (await readiness.CheckAsync(cancellationToken).ConfigureAwait(false)).Reasons;
        if (reasons.Count == 0)
        {
            notifier.Notify(Ping);
            if (!_pinging)
            {
                _pinging = true;
                LogResumed(logger);
            }

            return;
        }

        if (_pinging)
        {
            _pinging = false;
            LogStopped(logger, string.Join("; ", reasons), settings.Timeout);
        }
    }

    private async Task<bool> HostStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "systemd watchdog: timeout {Timeout}, pinging every {PingInterval} while the worker is ready")]
    private static partial void LogWatching(ILogger logger, TimeSpan timeout, TimeSpan pingInterval);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "systemd watchdog: pings stopped, worker not ready ({Reasons}); systemd restarts the service unless it recovers within {Timeout}")]
    private static partial void LogStopped(ILogger logger, string reasons, TimeSpan timeout);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "systemd watchdog: worker ready again, pings resumed")]
    private static partial void LogResumed(ILogger logger);
}

using FeedHarvester.Emitting;
using Microsoft.Extensions.Hosting;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// Runs an emit round every <see cref="Interval"/>, whether or not anything new was claimed, so an output that becomes
/// unwritable (a read-only remount, a directory in its place, permissions) makes the worker not ready within seconds
/// rather than at the next new article, hours later on quiet feeds. A round with nothing queued only opens the output
/// for writing and checks it against the committed length. The <see cref="EmitPump"/> logs each change of state once and,
/// while the sink fails, retries on its own; rounds asked for meanwhile return at once.
/// </summary>
internal sealed class SinkProbe(EmitPump pump, HealthState health, TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // Not before the scheduler has started: the start-up recovery of an interrupted run comes first, and reports what it wrote.
                if (health.SchedulerRunning)
                {
                    _ = await pump.FlushAsync(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

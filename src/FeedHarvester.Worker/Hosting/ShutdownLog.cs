using FeedHarvester.Emitting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Hosting;

/// <summary>
/// The one line of a shutdown, once everything else has stopped (registered first, so the host stops it last): how
/// long the stop took and what is left queued for the next start. The host's own lifetime lines are filtered out.
/// </summary>
internal sealed partial class ShutdownLog(IHostApplicationLifetime lifetime, EmitPump pump, TimeProvider timeProvider, ILogger<ShutdownLog> logger) : IHostedService
{
    private long _stoppingAt;
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => Interlocked.Exchange(ref _stoppingAt, timeProvider.GetTimestamp()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        var since = Interlocked.Read(ref _stoppingAt);
        var elapsed = since == 0 ? TimeSpan.Zero : timeProvider.GetElapsedTime(since);
        LogStopped(logger, elapsed.TotalSeconds, pump.Backlog);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Information,
        Message = "Stopped after {StopSeconds:0.0} s: polls in progress finished, {Backlog} claimed articles left queued for the next start")]
    private static partial void LogStopped(ILogger logger, double stopSeconds, long backlog);
}

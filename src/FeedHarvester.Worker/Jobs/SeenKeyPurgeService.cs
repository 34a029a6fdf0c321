using FeedHarvester.Local;
using Microsoft.Extensions.Hosting;

namespace FeedHarvester.Worker.Jobs;

/// <summary>Runs the embedded store's <see cref="SeenKeyPurger"/> for as long as the service runs.</summary>
internal sealed class SeenKeyPurgeService(SeenKeyPurger purger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => purger.RunAsync(stoppingToken);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace FeedHarvester.Worker.Hosting;

internal static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Under systemd: <c>Type=notify</c> (<c>READY=1</c> once started, <c>STOPPING=1</c> on stop), journal log format,
    /// and, when the unit sets <c>WatchdogSec=</c>, the <see cref="SystemdWatchdog"/>. Elsewhere it adds nothing.
    /// </summary>
    /// <remarks>
    /// Call after logging is configured: the journal formatter replaces the console formatter only when its
    /// configuration runs last. The watchdog needs <see cref="Health.HealthState"/> and
    /// <see cref="Health.ObservabilityOptions"/>, which the service registers.
    /// </remarks>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.AddSystemd();
        if (SystemdHelpers.IsSystemdService() && SystemdWatchdogSettings.FromEnvironment() is { } watchdog)
        {
            _ = services
                .AddSingleton(watchdog)
                .AddHostedService<SystemdWatchdog>();
        }

        return services;
    }
}

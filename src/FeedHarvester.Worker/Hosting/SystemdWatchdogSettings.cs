using System.Globalization;

namespace FeedHarvester.Worker.Hosting;

/// <summary>
/// The watchdog systemd asked for (<c>WatchdogSec=</c>), as it tells the service: <c>WATCHDOG_USEC</c> (the timeout
/// in microseconds) and, when set, <c>WATCHDOG_PID</c> (the process the timeout is meant for).
/// </summary>
internal sealed record SystemdWatchdogSettings(TimeSpan Timeout)
{
    public const string TimeoutVariable = "WATCHDOG_USEC";

    public const string ProcessIdVariable = "WATCHDOG_PID";

    /// <summary>
    /// Pings go out three times per timeout, so one late or lost ping (a GC pause, a busy machine) is not yet a kill.
    /// </summary>
    public TimeSpan PingInterval => Timeout / 3;

    /// <summary>The watchdog of this process, or null when systemd asked for none.</summary>
    public static SystemdWatchdogSettings? FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(TimeoutVariable), Environment.GetEnvironmentVariable(ProcessIdVariable), Environment.ProcessId);

    /// <summary>
    /// Reads the two variables the way sd_watchdog_enabled(3) does: a timeout that is missing, not a positive whole
    /// number of microseconds, or meant for another process (a child that inherited the environment) means no watchdog.
    /// </summary>
    public static SystemdWatchdogSettings? Parse(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!ulong.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid != processId))
        {
            return null;
        }

        // A value past what TimeSpan holds (about 29,000 years) is clamped rather than allowed to overflow.
        const long maxMicroseconds = long.MaxValue / TimeSpan.TicksPerMicrosecond;
        return new SystemdWatchdogSettings(TimeSpan.FromMicroseconds((long)Math.Min(microseconds, (ulong)maxMicroseconds)));
    }
}

using FeedHarvester.Worker.Hosting;

namespace FeedHarvester.Tests.Hosting;

public sealed class SystemdWatchdogSettingsTests
{
    private const int OwnPid = 4242;

    [Theory]
    [InlineData("60000000", null, 60_000)]
    [InlineData("60000000", "", 60_000)]
    [InlineData("60000000", "4242", 60_000)]
    [InlineData("1500", null, 1.5)]
    public void Parse_ValidTimeout_TimeoutAndPingEveryThird(string usec, string? pid, double expectedMilliseconds)
    {
        var settings = SystemdWatchdogSettings.Parse(usec, pid, OwnPid);

        Assert.NotNull(settings);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), settings.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds) / 3, settings.PingInterval);
    }

    [Theory]
    [InlineData(null, null)] // no WatchdogSec=
    [InlineData("", null)]
    [InlineData("0", null)] // sd_watchdog_enabled: zero means disabled
    [InlineData("-5", null)]
    [InlineData(" 60000000", null)]
    [InlineData("60s", null)]
    [InlineData("6e7", null)]
    [InlineData("60000000", "1")] // meant for another process that passed its environment on
    [InlineData("60000000", "not-a-pid")]
    public void Parse_MissingInvalidOrForeign_NoWatchdog(string? usec, string? pid)
    {
        Assert.Null(SystemdWatchdogSettings.Parse(usec, pid, OwnPid));
    }

    [Fact]
    public void Parse_BeyondTimeSpan_ClampedInsteadOfOverflowing()
    {
        var settings = SystemdWatchdogSettings.Parse(ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), null, OwnPid);

        Assert.NotNull(settings);
        Assert.True(settings.Timeout > TimeSpan.FromDays(365 * 1000));
    }
}

using System.Diagnostics;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Hosting;

public sealed class SystemdWatchdogTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecentPollWindow = TimeSpan.FromHours(2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeSystemdNotifier _notifier = new();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly CapturedLogs _logs = new();
    private readonly LoggerFactory _loggerFactory;
    private readonly HealthState _health;
    private bool _storeReachable = true;

    public SystemdWatchdogTests()
    {
        _loggerFactory = new LoggerFactory([_logs]);
        _health = new HealthState(_time, () => _storeReachable);
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public void Check_Ready_Pings()
    {
        var watchdog = Create();
        _health.SchedulerStarted();

        watchdog.Check();
        watchdog.Check();

        Assert.Equal(2, _notifier.Pings);
        Assert.Empty(_logs.At(LogLevel.Warning));
    }

    [Fact]
    public void Check_SchedulerNotStarted_NoPing()
    {
        var watchdog = Create();

        watchdog.Check();

        Assert.Equal(0, _notifier.Pings);
    }

    [Fact]
    public void Check_StoreUnreachable_StopsThenResumes_LoggingEachChangeOnce()
    {
        var watchdog = Create();
        _health.SchedulerStarted();
        watchdog.Check();

        _storeReachable = false;
        watchdog.Check();
        watchdog.Check();
        watchdog.Check();
        Assert.Equal(1, _notifier.Pings);

        _storeReachable = true;
        watchdog.Check();
        watchdog.Check();

        Assert.Equal(3, _notifier.Pings);
        var stopped = Assert.Single(_logs.Lines, l => l.Message.Contains("pings stopped", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, stopped.Level);
        Assert.Contains("store unreachable", stopped.Message, StringComparison.Ordinal);
        _ = Assert.Single(_logs.Lines, l => l.Message.Contains("pings resumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoPollYet_PingsThroughoutRecentPollWindowThenStops()
    {
        var watchdog = Create();
        _health.SchedulerStarted();

        _time.Advance(RecentPollWindow);
        watchdog.Check();
        Assert.Equal(1, _notifier.Pings);

        _time.Advance(TimeSpan.FromSeconds(1));
        watchdog.Check();
        Assert.Equal(1, _notifier.Pings);
    }

    [Fact]
    public void Check_SchedulerStuckAfterPolling_StopsUntilAPollSucceeds()
    {
        var watchdog = Create();
        _health.SchedulerStarted();
        _health.PollSucceeded();

        _time.Advance(RecentPollWindow + TimeSpan.FromMinutes(1));
        watchdog.Check();
        Assert.Equal(0, _notifier.Pings);
        Assert.Contains(_logs.At(LogLevel.Warning), m => m.Contains("no successful poll", StringComparison.Ordinal));

        _health.PollSucceeded();
        watchdog.Check();
        Assert.Equal(1, _notifier.Pings);
    }

    [Fact]
    public async Task Run_HostStarted_PingsEveryThirdOfTimeoutWhileReady()
    {
        using var watchdog = Create();
        _health.SchedulerStarted();
        await watchdog.StartAsync(CancellationToken.None);
        Assert.Equal(0, _notifier.Pings); // nothing before the host has started (READY=1)

        _lifetime.NotifyStarted();
        await WaitForPingsAsync(1);
        _time.Advance(Timeout / 3);
        await WaitForPingsAsync(2);
        _time.Advance(Timeout / 3);
        await WaitForPingsAsync(3);

        _storeReachable = false;
        _time.Advance(Timeout / 3);
        await WaitForAsync(() => _logs.Lines.Any(l => l.Message.Contains("pings stopped", StringComparison.Ordinal)));
        _time.Advance(Timeout / 3);
        _time.Advance(Timeout / 3);
        Assert.Equal(3, _notifier.Pings);

        _storeReachable = true;
        _time.Advance(Timeout / 3);
        await WaitForPingsAsync(4);

        await watchdog.StopAsync(CancellationToken.None);
        Assert.All(_notifier.Sent, s => Assert.Equal("WATCHDOG=1", s));
    }

    [Fact]
    public async Task Run_NotifySocketAbsent_NeverPings()
    {
        var disabled = new FakeSystemdNotifier(isEnabled: false);
        using var watchdog = Create(disabled);
        _health.SchedulerStarted();
        _lifetime.NotifyStarted();

        await watchdog.StartAsync(CancellationToken.None);
        _time.Advance(Timeout);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Empty(disabled.Sent);
    }

    [Fact]
    public async Task Run_StoppedBeforeHostStarted_EndsWithoutPinging()
    {
        using var watchdog = Create();
        _health.SchedulerStarted();

        await watchdog.StartAsync(CancellationToken.None);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Empty(_notifier.Sent);
    }

    private SystemdWatchdog Create(FakeSystemdNotifier? with = null) => new(
        with ?? _notifier,
        new SystemdWatchdogSettings(Timeout),
        _health,
        new ObservabilityOptions { RecentPollWindow = RecentPollWindow },
        _lifetime,
        _time,
        _loggerFactory.CreateLogger<SystemdWatchdog>());

    private Task WaitForPingsAsync(int count) => WaitForAsync(() => _notifier.Pings >= count);

    // The loop runs on the thread pool; a fake clock fires its timer at once but the loop still needs a moment.
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(10);
        }
    }
}

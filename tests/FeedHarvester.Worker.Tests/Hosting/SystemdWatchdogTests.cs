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

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeSystemdNotifier notifier = new();
    private readonly ApplicationLifetime lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly CapturedLogs logs = new();
    private readonly LoggerFactory loggerFactory;
    private readonly HealthState health;
    private bool storeReachable = true;

    public SystemdWatchdogTests()
    {
        loggerFactory = new LoggerFactory([logs]);
        health = new HealthState(time, () => storeReachable);
    }

    public void Dispose() => loggerFactory.Dispose();

    [Fact]
    public void Check_Ready_Pings()
    {
        var watchdog = Create();
        health.SchedulerStarted();

        watchdog.Check();
        watchdog.Check();

        Assert.Equal(2, notifier.Pings);
        Assert.Empty(logs.At(LogLevel.Warning));
    }

    [Fact]
    public void Check_SchedulerNotStarted_NoPing()
    {
        var watchdog = Create();

        watchdog.Check();

        Assert.Equal(0, notifier.Pings);
    }

    [Fact]
    public void Check_StoreUnreachable_StopsThenResumes_LoggingEachChangeOnce()
    {
        var watchdog = Create();
        health.SchedulerStarted();
        watchdog.Check();

        storeReachable = false;
        watchdog.Check();
        watchdog.Check();
        watchdog.Check();
        Assert.Equal(1, notifier.Pings);

        storeReachable = true;
        watchdog.Check();
        watchdog.Check();

        Assert.Equal(3, notifier.Pings);
        var stopped = Assert.Single(logs.Lines, l => l.Message.Contains("pings stopped", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, stopped.Level);
        Assert.Contains("store unreachable", stopped.Message, StringComparison.Ordinal);
        _ = Assert.Single(logs.Lines, l => l.Message.Contains("pings resumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoPollYet_PingsThroughoutRecentPollWindowThenStops()
    {
        var watchdog = Create();
        health.SchedulerStarted();

        time.Advance(RecentPollWindow);
        watchdog.Check();
        Assert.Equal(1, notifier.Pings);

        time.Advance(TimeSpan.FromSeconds(1));
        watchdog.Check();
        Assert.Equal(1, notifier.Pings);
    }

    [Fact]
    public void Check_SchedulerStuckAfterPolling_StopsUntilAPollSucceeds()
    {
        var watchdog = Create();
        health.SchedulerStarted();
        health.PollSucceeded();

        time.Advance(RecentPollWindow + TimeSpan.FromMinutes(1));
        watchdog.Check();
        Assert.Equal(0, notifier.Pings);
        Assert.Contains(logs.At(LogLevel.Warning), m => m.Contains("no successful poll", StringComparison.Ordinal));

        health.PollSucceeded();
        watchdog.Check();
        Assert.Equal(1, notifier.Pings);
    }

    [Fact]
    public async Task Run_HostStarted_PingsEveryThirdOfTimeoutWhileReady()
    {
        using var watchdog = Create();
        health.SchedulerStarted();
        await watchdog.StartAsync(CancellationToken.None);
        Assert.Equal(0, notifier.Pings); // nothing before the host has started (READY=1)

        lifetime.NotifyStarted();
        await WaitForPingsAsync(1);
        time.Advance(Timeout / 3);
        await WaitForPingsAsync(2);
        time.Advance(Timeout / 3);
        await WaitForPingsAsync(3);

        storeReachable = false;
        time.Advance(Timeout / 3);
        await WaitForAsync(() => logs.Lines.Any(l => l.Message.Contains("pings stopped", StringComparison.Ordinal)));
        time.Advance(Timeout / 3);
        time.Advance(Timeout / 3);
        Assert.Equal(3, notifier.Pings);

        storeReachable = true;
        time.Advance(Timeout / 3);
        await WaitForPingsAsync(4);

        await watchdog.StopAsync(CancellationToken.None);
        Assert.All(notifier.Sent, s => Assert.Equal("WATCHDOG=1", s));
    }

    [Fact]
    public async Task Run_NotifySocketAbsent_NeverPings()
    {
        var disabled = new FakeSystemdNotifier(isEnabled: false);
        using var watchdog = Create(disabled);
        health.SchedulerStarted();
        lifetime.NotifyStarted();

        await watchdog.StartAsync(CancellationToken.None);
        time.Advance(Timeout);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Empty(disabled.Sent);
    }

    [Fact]
    public async Task Run_StoppedBeforeHostStarted_EndsWithoutPinging()
    {
        using var watchdog = Create();
        health.SchedulerStarted();

        await watchdog.StartAsync(CancellationToken.None);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Empty(notifier.Sent);
    }

    private SystemdWatchdog Create(FakeSystemdNotifier? with = null) => new(
        with ?? notifier,
        new SystemdWatchdogSettings(Timeout),
        health,
        new ObservabilityOptions { RecentPollWindow = RecentPollWindow },
        lifetime,
        time,
        loggerFactory.CreateLogger<SystemdWatchdog>());

    private Task WaitForPingsAsync(int count) => WaitForAsync(() => notifier.Pings >= count);

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

using System.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Hosting;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace FeedHarvester.Tests.Hosting;

public sealed class SystemdWatchdogTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecentPollWindow = TimeSpan.FromHours(2);
    private static readonly TimeSpan OverdueGrace = TimeSpan.FromMinutes(15);
    private static readonly ObservabilityOptions Observability = new() { RecentPollWindow = RecentPollWindow, OverdueGrace = OverdueGrace };

    // The scheduler is never started: its triggers stay where they were put, and the fake clock alone decides what is overdue.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ServiceProvider _quartz;
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
        _quartz = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddQuartz().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await (await _quartz.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown();
        await _quartz.DisposeAsync();
        _loggerFactory.Dispose();
    }

    [Fact]
    public async Task Check_Ready_Pings()
    {
        var watchdog = Create();
        _health.SchedulerStarted();

        await watchdog.CheckAsync(CancellationToken.None);
        await watchdog.CheckAsync(CancellationToken.None);

        Assert.Equal(2, _notifier.Pings);
        Assert.Empty(_logs.At(LogLevel.Warning));
    }

    [Fact]
    public async Task Check_SchedulerNotStarted_NoPing()
    {
        var watchdog = Create();

        await watchdog.CheckAsync(CancellationToken.None);

        Assert.Equal(0, _notifier.Pings);
    }

    [Fact]
    public async Task Check_StoreUnreachable_StopsThenResumes_LoggingEachChangeOnce()
    {
        var watchdog = Create();
        _health.SchedulerStarted();
        await watchdog.CheckAsync(CancellationToken.None);

        _storeReachable = false;
        await watchdog.CheckAsync(CancellationToken.None);
        await watchdog.CheckAsync(CancellationToken.None);
        await watchdog.CheckAsync(CancellationToken.None);
        Assert.Equal(1, _notifier.Pings);

        _storeReachable = true;
        await watchdog.CheckAsync(CancellationToken.None);
        await watchdog.CheckAsync(CancellationToken.None);

        Assert.Equal(3, _notifier.Pings);
        var stopped = Assert.Single(_logs.Lines, l => l.Message.Contains("pings stopped", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, stopped.Level);
        Assert.Contains("store unreachable", stopped.Message, StringComparison.Ordinal);
        _ = Assert.Single(_logs.Lines, l => l.Message.Contains("pings resumed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_FeedBackingOffSixHoursAndNoSuccessfulPollEver_KeepsPingingUntilItsPollIsOverdue()
    {
        var watchdog = Create();
        _health.SchedulerStarted();
        await ScheduleAsync("http://127.0.0.1:1/backing-off.xml", _time.GetUtcNow().AddHours(6));

        // Three times the recent-poll window without one successful poll: still doing its job.
        for (var hour = 0; hour < 6; hour++)
        {
            await watchdog.CheckAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        _time.Advance(OverdueGrace - TimeSpan.FromSeconds(1));
        await watchdog.CheckAsync(CancellationToken.None);
        Assert.Empty(_logs.At(LogLevel.Warning));
        Assert.Equal(7, _notifier.Pings);

        _time.Advance(TimeSpan.FromSeconds(2));
        await watchdog.CheckAsync(CancellationToken.None);
        Assert.Equal(7, _notifier.Pings);
        var stopped = Assert.Single(_logs.At(LogLevel.Warning));
        Assert.Contains("1 feeds overdue", stopped, StringComparison.Ordinal);
        Assert.Contains("backing-off.xml", stopped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FeedsPinnedToLongIntervals_PingsThroughout()
    {
        var watchdog = Create();
        _health.SchedulerStarted();
        _health.PollSucceeded();
        await ScheduleAsync("http://127.0.0.1:1/every-3h.xml", _time.GetUtcNow().AddHours(3));
        await ScheduleAsync("http://127.0.0.1:1/every-day.xml", _time.GetUtcNow().AddDays(1));

        for (var hour = 0; hour < 3; hour++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await watchdog.CheckAsync(CancellationToken.None);
        }

        Assert.Equal(3, _notifier.Pings);
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
        new ReadinessProbe(
            _health,
            new OverduePollCheck(_quartz.GetRequiredService<ISchedulerFactory>(), Observability, _time),
            Observability),
        _lifetime,
        _time,
        _loggerFactory.CreateLogger<SystemdWatchdog>());

    private async Task ScheduleAsync(string feedUrl, DateTimeOffset due)
    {
        var scheduler = await _quartz.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await FeedScheduler.ScheduleAsync(scheduler, new FeedDefinition(new Uri(feedUrl)), due, CancellationToken.None);
    }

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

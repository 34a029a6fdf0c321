using FeedHarvester.Feeds;
using FeedHarvester.Worker.Health;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace FeedHarvester.Tests.Health;

/// <summary>Readiness means "can do its job": feeds that fail or wait long are not judged, a poll that should have started is.</summary>
public sealed class ReadinessProbeTests : IAsyncDisposable
{
    private static readonly ObservabilityOptions Options = new() { RecentPollWindow = TimeSpan.FromHours(2), OverdueGrace = TimeSpan.FromMinutes(15) };

    // Never started, so its triggers stay where they were put and only the fake clock moves.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ServiceProvider _quartz;
    private readonly HealthState _health;
    private readonly ReadinessProbe _probe;

    public ReadinessProbeTests()
    {
        _quartz = new ServiceCollection().AddSingleton<TimeProvider>(_time).AddQuartz().BuildServiceProvider();
        _health = new HealthState(_time, () => true);
        _probe = new ReadinessProbe(_health, new OverduePollCheck(_quartz.GetRequiredService<ISchedulerFactory>(), Options, _time), Options);
    }

    public async ValueTask DisposeAsync() => await _quartz.DisposeAsync();

    [Fact]
    public async Task Check_PollDueWithinTheGrace_Ready()
    {
        _health.SchedulerStarted();
        await ScheduleAsync("http://127.0.0.1:1/a.xml", _time.GetUtcNow());

        _time.Advance(Options.OverdueGrace - TimeSpan.FromSeconds(1));

        Assert.True((await _probe.CheckAsync(CancellationToken.None)).IsReady);
    }

    [Fact]
    public async Task Check_PollsOverduePastTheGrace_NotReadyCountingThemAndNamingOne()
    {
        _health.SchedulerStarted();
        await ScheduleAsync("http://127.0.0.1:1/a.xml", _time.GetUtcNow());
        await ScheduleAsync("http://127.0.0.1:1/b.xml", _time.GetUtcNow().AddMinutes(1));
        await ScheduleAsync("http://127.0.0.1:1/later.xml", _time.GetUtcNow().AddHours(1));

        _time.Advance(Options.OverdueGrace + TimeSpan.FromMinutes(2));
        var verdict = await _probe.CheckAsync(CancellationToken.None);

        var reason = Assert.Single(verdict.Reasons);
        Assert.StartsWith("2 feeds overdue", reason, StringComparison.Ordinal);
        Assert.Matches(@"http://127\.0\.0\.1:1/[ab]\.xml, due \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", reason);
    }

    [Fact]
    public async Task Check_NoSuccessfulPollForLongerThanTheWindow_ReadyWithANote()
    {
        _health.SchedulerStarted();
        _health.PollSucceeded();
        await ScheduleAsync("http://127.0.0.1:1/backing-off.xml", _time.GetUtcNow().AddHours(6));

        _time.Advance(TimeSpan.FromHours(5));
        var verdict = await _probe.CheckAsync(CancellationToken.None);

        Assert.True(verdict.IsReady);
        Assert.StartsWith("no successful poll since ", Assert.Single(verdict.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SchedulerShutDown_NotReady()
    {
        _health.SchedulerStarted();
        await (await _quartz.GetRequiredService<ISchedulerFactory>().GetScheduler()).Shutdown();

        var verdict = await _probe.CheckAsync(CancellationToken.None);

        Assert.StartsWith("scheduler not running", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SchedulerNotStarted_NotReady()
    {
        var verdict = await _probe.CheckAsync(CancellationToken.None);

        Assert.Equal(["scheduler not started"], verdict.Reasons);
    }

    private async Task ScheduleAsync(string feedUrl, DateTimeOffset due)
    {
        var scheduler = await _quartz.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await FeedScheduler.ScheduleAsync(scheduler, new FeedDefinition(new Uri(feedUrl)), due, CancellationToken.None);
    }
}

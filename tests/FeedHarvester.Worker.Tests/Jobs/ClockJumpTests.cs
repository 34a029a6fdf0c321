using System.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Local;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace FeedHarvester.Tests.Jobs;

/// <summary>A clock that jumped forward and back: no feed stays parked where the wrong clock put it.</summary>
public sealed class ClockJumpTests
{
    private static readonly FeedHarvester.Feeds.SchedulingOptions Scheduling = new() { MaxBackoff = TimeSpan.FromHours(6), JitterFraction = 0.1 };

    [Fact]
    public async Task RunService_StoredBackoffAYearAhead_PolledSoonWhileABackoffWithinTheLongestWaitIsKept()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var feedsFile = news.WriteFeedList(runner.DataDirectory);
        var (parked, backingOff, fresh) = (news.FeedUrls[0], news.FeedUrls[1], news.FeedUrls[2]);
        var now = TimeProvider.System.GetUtcNow();
        using (var store = LocalStore.Open(new LocalStoreOptions { DataDirectory = runner.DataDirectory }, TimeProvider.System, NullLoggerFactory.Instance))
        {
            // Failed while the clock was a year ahead; and a genuine back-off of one hour.
            await store.Store.SaveFeedStateAsync(Failing(parked, now.AddYears(1)), CancellationToken.None);
            await store.Store.SaveFeedStateAsync(Failing(backingOff, now.AddHours(1)), CancellationToken.None);
        }

        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = feedsFile,
            ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory,
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Observability:ListenUrl"] = "",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();

        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            var waited = Stopwatch.StartNew();
            while ((Requests(site, parked) < 2 || Requests(site, fresh) < 2) && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        // Polled, and polled again on its own interval: the poll did not follow the stored year either.
        Assert.InRange(Requests(site, parked), 2, 1000);
        Assert.InRange(Requests(site, fresh), 2, 1000);
        Assert.Equal(0, Requests(site, backingOff));
        var warning = Assert.Single(runner.Logs.At(LogLevel.Warning), line => line.Contains("further ahead than their schedule ever waits", StringComparison.Ordinal));
        Assert.StartsWith("1 feeds", warning, StringComparison.Ordinal);
        Assert.Contains(parked.AbsoluteUri, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clamp_TriggerAYearAhead_MovedToWithinTheSpreadAndLoggedOnce_TriggerWithinTheLongestWaitKept()
    {
        var parked = new FeedDefinition(new Uri("http://127.0.0.1:1/parked.xml"));
        var backingOff = new FeedDefinition(new Uri("http://127.0.0.1:1/backing-off.xml"));
        await using var services = new ServiceCollection().AddQuartz().BuildServiceProvider();
        var factory = services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await factory.GetScheduler();
        var now = TimeProvider.System.GetUtcNow();

        // As a clock corrected backwards leaves them: the poll a year ahead was scheduled while the clock was wrong.
        await FeedScheduler.ScheduleAsync(scheduler, parked, now.AddYears(1), CancellationToken.None);
        await FeedScheduler.ScheduleAsync(scheduler, backingOff, now.AddHours(6), CancellationToken.None);
        var logs = new CapturedLogs();
        using var loggerFactory = new LoggerFactory([logs]);
        var clamp = new ScheduleClamp(factory, new FeedCatalog([parked, backingOff]), new PollSchedule(Scheduling), TimeProvider.System, loggerFactory.CreateLogger<ScheduleClamp>());

        Assert.Equal(1, await clamp.ClampAsync(CancellationToken.None));
        Assert.Equal(0, await clamp.ClampAsync(CancellationToken.None));

        Assert.InRange(await FeedScheduler.NextFireAsync(scheduler, parked, CancellationToken.None) ?? DateTimeOffset.MaxValue, now, now.AddSeconds(31));
        Assert.InRange(await FeedScheduler.NextFireAsync(scheduler, backingOff, CancellationToken.None) ?? DateTimeOffset.MinValue, now.AddHours(6).AddSeconds(-1), now.AddHours(6).AddSeconds(1));
        var warning = Assert.Single(logs.At(LogLevel.Warning));
        Assert.StartsWith("The clock went back: 1 feeds", warning, StringComparison.Ordinal);
        await scheduler.Shutdown();
    }

    private static FeedState Failing(Uri feed, DateTimeOffset nextPoll) => FeedState.New(feed.AbsoluteUri) with
    {
        LastOutcome = "ServerError",
        ConsecutiveErrors = 4,
        NextPollAt = nextPoll,
    };

    private static int Requests(LoopbackSite site, Uri feed) => site.RequestCount(feed.AbsolutePath);
}

using System.Diagnostics;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Tests.Jobs;

public sealed class FeedSchedulerTests
{
    [Fact]
    public async Task RunService_ShortInterval_EveryFeedPolledAgainConditionallyAndStopsCleanly()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = news.WriteFeedList(runner.DataDirectory),
            ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory,
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();

        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token);
        var waited = Stopwatch.StartNew();
        while (news.FeedUrls.Any(u => site.RequestCount(u.AbsolutePath) < 3) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(news.FeedUrls, u => Assert.InRange(site.RequestCount(u.AbsolutePath), 3, 100));
        Assert.All(news.FeedUrls, u => Assert.Contains(u.AbsolutePath, site.ConditionalRequests));
        Assert.Equal(news.ArticleUrls.Count, runner.ReadOutput().Count);
    }
}

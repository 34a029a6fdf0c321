using System.Diagnostics;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Tests.Composition;

public sealed class FeedListWatcherTests
{
    [Fact]
    public async Task RunService_FeedsFileEdited_AddedPolledRemovedStoppedIntervalChangedBadLineSkipped()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var feedsFile = Path.Combine(runner.DataDirectory, "feeds.txt");
        var rss = site.Url("/rss/feed.xml").AbsoluteUri;
        var atom = site.Url("/atom/feed.xml").AbsoluteUri;
        File.WriteAllLines(feedsFile, [rss]);
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = feedsFile,
            ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory,
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
            ["FeedHarvester:Observability:ListenUrl"] = "",
            ["Logging:LogLevel:Default"] = "Information",
        }, reloadOnChange: true);
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        await WaitUntilAsync(() => site.RequestCount("/rss/feed.xml") >= 2);

        File.WriteAllLines(feedsFile, [atom, "ftp://127.0.0.1/not-a-feed.xml"]);
        await WaitUntilAsync(() => site.RequestCount("/atom/feed.xml") >= 2);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var rssPollsAfterRemoval = site.RequestCount("/rss/feed.xml");
        await Task.Delay(TimeSpan.FromSeconds(3));

        File.WriteAllLines(feedsFile, [atom + " interval=1h"]);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var atomPollsAfterSlowdown = site.RequestCount("/atom/feed.xml");
        await Task.Delay(TimeSpan.FromSeconds(3));

        await stop.CancelAsync();
        Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(rssPollsAfterRemoval, site.RequestCount("/rss/feed.xml"));
        Assert.InRange(site.RequestCount("/atom/feed.xml"), 3, 100);
        Assert.Equal(atomPollsAfterSlowdown, site.RequestCount("/atom/feed.xml"));
        Assert.Contains(runner.Logs.At(LogLevel.Warning), line => line.Contains($"{feedsFile}:2:", StringComparison.Ordinal));
        Assert.Contains(runner.ReadOutput(), r => r.GetProperty("url").GetString() == site.Url("/atom/a/0.html").AbsoluteUri);
        Assert.Contains(runner.Logs.At(LogLevel.Information), line => line.StartsWith($"Feed list reloaded: 1 ({atom}) added, 1 ({rss}) removed, 0 changed; 1 feeds", StringComparison.Ordinal));
        Assert.Contains(runner.Logs.At(LogLevel.Information), line => line.StartsWith($"Feed list reloaded: 0 added, 0 removed, 1 ({atom}) changed", StringComparison.Ordinal));

        // The removed feed's history stays in the store; status leaves it out and says so.
        var status = new StringWriter();
        var exit = await StatusCommand.RunAsync(
            new StatusRequest(null, new Dictionary<string, string?> { ["FeedHarvester:FeedsFile"] = feedsFile, ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory }),
            status, new StringWriter(), TimeProvider.System, CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains(atom, status.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rss, status.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 feeds in the store are no longer in the feed list and are not shown", status.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"no worker holds {Path.GetFullPath(runner.DataDirectory)}; last poll ", status.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "condition not met within 30 s");
    }
}

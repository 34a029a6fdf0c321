using System.Diagnostics;
using System.Text.Json;
using FeedHarvester.Redis.Tests;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Tests.Running;

/// <summary>Redis mode end to end with a real redis-server: several workers, kills and outages, every article once in the stream.</summary>
public sealed class RedisModeTests
{
    [Fact]
    public async Task RunOnce_TwoWorkersOnTheSameFeeds_EachArticleOnceInTheStream()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var site = new LoopbackSite { PageDelay = TimeSpan.FromMilliseconds(10) };
        var news = new TestNewsSite(site, itemsPerFeed: 8);
        using var runner = new HarvestRunner(site);
        string[] arguments = ["run", "--once", "--feeds", news.WriteFeedList(runner.DataDirectory), "--redis", redis.Configuration, "--data-dir", runner.DataDirectory];

        var first = HarvestRunner.RunWorkerAsync(runner.Environment, arguments);
        var second = HarvestRunner.RunWorkerAsync(runner.Environment, arguments);
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), (await StreamUrlsAsync(redis)).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(runner.OutputPath), "Redis mode must not write the JSON-lines file");
    }

    [Fact]
    public async Task RunOnce_KilledTwiceMidRun_RestartLeavesEveryArticleOnceInTheStream()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var site = new LoopbackSite { PageDelay = TimeSpan.FromMilliseconds(40) };
        var news = new TestNewsSite(site, itemsPerFeed: 12);
        using var runner = new HarvestRunner(site);
        string[] arguments = ["run", "--once", "--feeds", news.WriteFeedList(runner.DataDirectory), "--redis", redis.Configuration];
        // A killed worker's poll leases lapse after this, instead of the default, so the test waits seconds, not minutes.
        var environment = new Dictionary<string, string>(runner.Environment) { ["FeedHarvester__Redis__PollLeaseDuration"] = "00:00:02" };

        foreach (var killAt in new[] { 4, 20 })
        {
            using var worker = HarvestRunner.StartWorker(environment, arguments);
            var waited = Stopwatch.StartNew();
            while (!worker.HasExited && (await StreamUrlsAsync(redis)).Count < killAt && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
            }

            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }

        Assert.InRange((await StreamUrlsAsync(redis)).Count, 4, news.ArticleUrls.Count - 1);
        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(environment, arguments);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), (await StreamUrlsAsync(redis)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunService_RedisDownAtFirstThenBack_WorkerSurvivesAndCatchesUp()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 3);
        using var runner = new HarvestRunner(site);
        var health = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = news.WriteFeedList(runner.DataDirectory),
            ["FeedHarvester:Redis:Configuration"] = redis.Configuration,
            ["FeedHarvester:Observability:ListenUrl"] = health,
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        await redis.KillAsync();
        using var stop = new CancellationTokenSource();

        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(service.IsCompleted, "the worker must keep running while Redis is down");
        var (downExit, downBody, _) = await HarvestRunner.RunWorkerAsync("healthcheck", "--url", health);
        Assert.Equal(1, downExit);
        Assert.Contains("store unreachable", downBody, StringComparison.Ordinal);
        await redis.StartAgainAsync();
        var waited = Stopwatch.StartNew();
        while ((await StreamUrlsAsync(redis)).Count < news.ArticleUrls.Count && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(200);
        }

        var (upExit, upBody, _) = await HarvestRunner.RunWorkerAsync("healthcheck", "--url", health);
        await stop.CancelAsync();
        Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), (await StreamUrlsAsync(redis)).Order(StringComparer.Ordinal));
        Assert.True(upExit == 0, upBody);
    }

    [Fact]
    public async Task RunService_RedisStoppedMidRunWithManyFeeds_OneLineEachWayAndPerFeedRetriesOnlyAtDebug()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = news.WriteFeedList(runner.DataDirectory),
            ["FeedHarvester:Redis:Configuration"] = redis.Configuration,
            ["FeedHarvester:Observability:ListenUrl"] = "",
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            await UntilAsync(async () => (await StreamUrlsAsync(redis)).Count == news.ArticleUrls.Count);

            // Every feed comes due while Redis is away.
            await redis.KillAsync();
            await UntilAsync(() => Task.FromResult(runner.Logs.At(LogLevel.Warning).Any(l => l.StartsWith("Redis unreachable", StringComparison.Ordinal))));
            await Task.Delay(TimeSpan.FromSeconds(8));
            await redis.StartAgainAsync();
            await UntilAsync(() => Task.FromResult(runner.Logs.At(LogLevel.Information).Any(l => l.StartsWith("Redis reachable again", StringComparison.Ordinal))));
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }

        var warnings = runner.Logs.At(LogLevel.Warning).ToList();
        Assert.Single(warnings, l => l.StartsWith("Redis unreachable", StringComparison.Ordinal));
        Assert.Single(runner.Logs.At(LogLevel.Information), l => l.StartsWith("Redis reachable again", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, l => l.Contains("could not run", StringComparison.Ordinal) || l.StartsWith("Polls cannot reach", StringComparison.Ordinal));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "timed out waiting for the worker");
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> StreamUrlsAsync(RedisServer redis)
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",abortConnect=false,connectTimeout=2000");
        var entries = await connection.GetDatabase().StreamRangeAsync("feedharvester:articles");
        var records = entries.Select(e => JsonDocument.Parse(e["article"].ToString()).RootElement).ToList();
        records.ForEach(ArticleRecordSchema.AssertValid);
        return records.Select(r => r.GetProperty("url").GetString()!).ToList();
    }
}

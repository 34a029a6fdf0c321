using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeedHarvester.Emitting;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Health;

public sealed class SinkReadinessTests
{
    [Fact]
    public void Judge_SinkCannotWrite_NamesTheSinkAndItsReason()
    {
        EmitFailure? failure = new(EmitFailureKind.OutputNotWritable, "No space left on device : '/data/articles.jsonl'");
        var health = new HealthState(new FakeTimeProvider(), () => true, () => failure);
        health.SchedulerStarted();

        var reasons = health.Judge(null, null, TimeSpan.FromHours(2)).Reasons;

        var reason = Assert.Single(reasons);
        Assert.Contains("sink cannot write (OutputNotWritable)", reason, StringComparison.Ordinal);
        Assert.Contains("/data/articles.jsonl", reason, StringComparison.Ordinal);

        failure = null;
        Assert.True(health.Judge(null, null, TimeSpan.FromHours(2)).IsReady);
    }

    [Fact]
    public async Task RunService_OutputNotWritableThenFreed_NotReadyMeanwhileThenQueuedArticlesWrittenWithoutNewContent()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 3);
        using var runner = new HarvestRunner(site);
        var listenUrl = $"http://127.0.0.1:{FreePort()}/";
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = news.WriteFeedList(runner.DataDirectory),
            ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory,
            ["FeedHarvester:Scheduling:DefaultInterval"] = "00:00:01",
            ["FeedHarvester:Scheduling:IntervalFloor"] = "1s",
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Observability:ListenUrl"] = listenUrl,
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = new Uri(listenUrl), Timeout = TimeSpan.FromSeconds(10) };

        // A directory where the output file should be: every write fails, as on a full or read-only disk.
        _ = Directory.CreateDirectory(runner.OutputPath);
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            var blocked = await ReadinessUntilAsync(client, body => body.Contains("sink cannot write", StringComparison.Ordinal));
            Assert.Contains("\"sink_writable\":false", blocked, StringComparison.Ordinal);
            await UntilAsync(() => PolledOk(runner) >= news.FeedUrls.Count);

            // Every article is claimed and queued; from here on the feeds have nothing new, so only the sink's own retries can write them.
            Directory.Delete(runner.OutputPath);
            _ = await ReadinessUntilAsync(client, body => body.Contains("\"status\":\"ready\"", StringComparison.Ordinal));

            Assert.Equal(
                news.ArticleUrls.Order(StringComparer.Ordinal),
                runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
            Assert.Single(runner.Logs.At(LogLevel.Warning), line => line.StartsWith("Writing queued articles failed (OutputNotWritable)", StringComparison.Ordinal));
            Assert.Single(runner.Logs.At(LogLevel.Information), line => line.StartsWith("Writing queued articles works again", StringComparison.Ordinal));
            Assert.DoesNotContain(runner.Logs.At(LogLevel.Warning), line => line.StartsWith("Poll of", StringComparison.Ordinal));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task RunService_OutputBecomesUnwritableWithNothingNewToWrite_NotReadyWithinSecondsAndOneLineEachWay()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);
        var listenUrl = $"http://127.0.0.1:{FreePort()}/";
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["FeedHarvester:FeedsFile"] = news.WriteFeedList(runner.DataDirectory),
            ["FeedHarvester:Storage:DataDirectory"] = runner.DataDirectory,
            ["FeedHarvester:Scheduling:Adaptive"] = "false",
            ["FeedHarvester:Observability:ListenUrl"] = listenUrl,
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = new Uri(listenUrl), Timeout = TimeSpan.FromSeconds(10) };
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            await UntilAsync(() => PolledOk(runner) >= news.FeedUrls.Count && runner.ReadOutput().Count == news.ArticleUrls.Count);
            _ = await ReadinessUntilAsync(client, body => body.Contains("\"status\":\"ready\"", StringComparison.Ordinal));

            // The feeds are polled again only in 15 minutes: nothing new will be written, yet the output can no longer be opened.
            var moved = runner.OutputPath + ".aside";
            File.Move(runner.OutputPath, moved);
            _ = Directory.CreateDirectory(runner.OutputPath);
            var changed = Stopwatch.StartNew();
            var blocked = await ReadinessUntilAsync(client, body => body.Contains("sink cannot write", StringComparison.Ordinal));
            Assert.InRange(changed.Elapsed, TimeSpan.Zero, SinkProbe.Interval * 3);
            Assert.Contains("\"sink_writable\":false", blocked, StringComparison.Ordinal);

            Directory.Delete(runner.OutputPath);
            File.Move(moved, runner.OutputPath);
            _ = await ReadinessUntilAsync(client, body => body.Contains("\"status\":\"ready\"", StringComparison.Ordinal));

            Assert.Single(runner.Logs.At(LogLevel.Warning), line => line.StartsWith("Writing queued articles failed (OutputNotWritable)", StringComparison.Ordinal));
            Assert.Single(runner.Logs.At(LogLevel.Information), line => line.StartsWith("Writing queued articles works again", StringComparison.Ordinal));
            Assert.DoesNotContain(runner.Logs.Lines, line => line.Level >= LogLevel.Error);
            Assert.Equal(news.ArticleUrls.Count, runner.ReadOutput().Count);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static int PolledOk(HarvestRunner runner) =>
        runner.Logs.At(LogLevel.Information).Count(line => line.StartsWith("Polled ", StringComparison.Ordinal));

    private static async Task<string> ReadinessUntilAsync(HttpClient client, Func<string, bool> condition)
    {
        var body = "";
        await UntilAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("readyz");
                body = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException ex)
            {
                // The listener starts with the host; the first requests may come before it.
                body = ex.Message;
            }

            return condition(body);
        });
        return body;
    }

    private static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            // First polls are spread over 30 s; a loaded machine needs more.
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "timed out waiting for the worker");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Tests.Configuration;

/// <summary>
/// A configuration file made invalid under a running service: one error line, the running configuration kept, and
/// /readyz and status saying the configuration on disk is invalid, until it is fixed (issue 16, item 6).
/// </summary>
public sealed class RunningServiceConfigurationTests
{
    [Fact]
    public async Task RunService_AppsettingsMadeInvalid_OneErrorRunningConfigurationKeptAndReadinessAndStatusSaySo()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var listenUrl = $"http://127.0.0.1:{FreePort()}/";
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        var rss = news.FeedUrls[0].AbsoluteUri;
        string Settings(string fetching) => $$"""
            {"FeedHarvester": {
              "Feeds": [{"Url": "{{rss}}"}],
              "Storage": {"DataDirectory": "{{runner.DataDirectory}}"},
              "Scheduling": {"DefaultInterval": "1s", "IntervalFloor": "1s", "Adaptive": false},
              "Fetching": {"AllowedPrivateHosts": ["{{runner.AllowedHost}}"]{{fetching}}},
              "Observability": {"ListenUrl": "{{listenUrl}}"}
             }
            }
            """;
        File.WriteAllText(config, Settings(string.Empty));
        var configuration = ConfigurationLoader.Load(config, new Dictionary<string, string?>(), reloadOnChange: true);
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = new Uri(listenUrl), Timeout = TimeSpan.FromSeconds(10) };
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            await WaitUntilAsync(() => site.RequestCount("/rss/feed.xml") >= 2);

            File.WriteAllText(config, Settings(""", "Timout": "10s" """));
            await WaitUntilAsync(() => InvalidConfigurationErrors(runner).Count > 0);
            var readiness = await client.GetAsync(new Uri("readyz", UriKind.Relative));
            var body = await readiness.Content.ReadAsStringAsync();
            var polls = site.RequestCount("/rss/feed.xml");
            await WaitUntilAsync(() => site.RequestCount("/rss/feed.xml") >= polls + 2);
            var status = new StringWriter();
            Assert.Equal(0, await StatusCommand.RunAsync(new StatusRequest(config, new Dictionary<string, string?>(), Json: true), status, new StringWriter(), TimeProvider.System, CancellationToken.None));

            File.WriteAllText(config, Settings(string.Empty));
            await WaitUntilAsync(() => runner.Logs.At(LogLevel.Information).Any(l => l.Contains("valid again", StringComparison.Ordinal)));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
            Assert.Contains("the configuration on disk is invalid", body, StringComparison.Ordinal);
            Assert.Contains("FeedHarvester:Fetching:Timout", body, StringComparison.Ordinal);
            var line = Assert.Single(InvalidConfigurationErrors(runner));
            Assert.Contains($"FeedHarvester:Fetching:Timout ({config}): unknown key; did you mean FeedHarvester:Fetching:Timeout?", line, StringComparison.Ordinal);
            var report = JsonDocument.Parse(status.ToString()).RootElement;
            Assert.False(report.GetProperty("configuration_valid").GetBoolean());
            Assert.Contains("Timout", report.GetProperty("configuration_errors")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task RunService_AppsettingsMadeUnparsable_ErrorNamesTheLineAndFeedsKeepBeingPolled()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        using var runner = new HarvestRunner(site);
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        var valid = $$"""
            {"Logging": {"LogLevel": {"Default": "Warning"} },
             "FeedHarvester": {"Feeds": [{"Url": "{{news.FeedUrls[0].AbsoluteUri}}"}], "Storage": {"DataDirectory": "{{runner.DataDirectory}}"},
              "Scheduling": {"DefaultInterval": "1s", "IntervalFloor": "1s", "Adaptive": false},
              "Fetching": {"AllowedPrivateHosts": ["{{runner.AllowedHost}}"]}, "Observability": {"ListenUrl": ""}
             }
            }
            """;
        File.WriteAllText(config, valid);
        var configuration = ConfigurationLoader.Load(config, new Dictionary<string, string?>(), reloadOnChange: true);
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        using var stop = new CancellationTokenSource();
        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Logging.AddProvider(runner.Logs));
        try
        {
            await WaitUntilAsync(() => site.RequestCount("/rss/feed.xml") >= 2);

            File.WriteAllText(config, valid.Replace("\"1s\", \"IntervalFloor\"", "1s, \"IntervalFloor\"", StringComparison.Ordinal));
            await WaitUntilAsync(() => InvalidConfigurationErrors(runner).Count > 0);
            var polls = site.RequestCount("/rss/feed.xml");
            await WaitUntilAsync(() => site.RequestCount("/rss/feed.xml") >= polls + 2);

            Assert.Contains($"{config}: not valid JSON at line 3", Assert.Single(InvalidConfigurationErrors(runner)), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static List<string> InvalidConfigurationErrors(HarvestRunner runner) =>
        runner.Logs.At(LogLevel.Error).Where(l => l.Contains("configuration on disk is invalid", StringComparison.Ordinal)).ToList();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "condition not met within 30 s");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}

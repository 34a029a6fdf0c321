using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Composition;
using FeedHarvester.Worker.Configuration;
using FeedHarvester.Worker.Health;

namespace FeedHarvester.Tests.Health;

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task RunService_WithMetrics_EndpointsAnswerAndCountersMoveAsWorkIsDone()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
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
            ["Logging:LogLevel:Default"] = "Warning",
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = runner.AllowedHost,
        });
        var (settings, errors) = SettingsLoader.Load(configuration);
        Assert.True(settings is not null, string.Join("\n", errors));
        var observability = new ObservabilityOptions { ListenUrl = listenUrl };
        using var stop = new CancellationTokenSource();
        using var client = new HttpClient { BaseAddress = new Uri(listenUrl), Timeout = TimeSpan.FromSeconds(10) };

        var service = HarvesterHost.RunServiceAsync(configuration, settings!, stop.Token, builder => builder.Services.AddHarvesterMetrics(observability));
        try
        {
            // A poll is counted when it ends, a moment after its articles are written: wait for the counters themselves.
            var first = await ScrapeUntilAsync(client, text => Sum(text, "feedharvester_polls_total", "outcome=\"Ok\"") >= news.FeedUrls.Count);
            var second = await ScrapeUntilAsync(client, text => Sum(text, "feedharvester_polls_total") >= Sum(first, "feedharvester_polls_total") + news.FeedUrls.Count);

            // At least: an earlier test's worker in this process may have recorded into the same-named meter.
            Assert.True(Sum(first, "feedharvester_articles_emitted_total") >= news.ArticleUrls.Count, first);
            Assert.True(Sum(first, "feedharvester_polls_total", "outcome=\"Ok\"") >= news.FeedUrls.Count, first);
            Assert.True(Sum(second, "feedharvester_polls_total") > Sum(first, "feedharvester_polls_total"), second);
            Assert.True(Sum(second, "feedharvester_fetch_duration_seconds_count", "kind=\"feed\"") > Sum(first, "feedharvester_fetch_duration_seconds_count", "kind=\"feed\""));
            Assert.True(Sum(first, "feedharvester_fetch_duration_seconds_count", "kind=\"page\"") >= news.ArticleUrls.Count);
            Assert.True(Sum(first, "feedharvester_http_responses_total", "status_code=\"200\"") > 0);
            Assert.True(Sum(second, "feedharvester_http_responses_total", "status_code=\"304\"") > 0, second);
            Assert.True(Sum(first, "feedharvester_extraction_duration_seconds_count") >= news.ArticleUrls.Count);
            Assert.True(Sum(first, "feedharvester_sink_duration_seconds_count") > 0);
            Assert.Contains("feedharvester_feeds{state=\"active\"} ", second, StringComparison.Ordinal);
            Assert.Contains("# TYPE feedharvester_polls_total counter", first, StringComparison.Ordinal);
            Assert.Contains("feedharvester_fetch_duration_seconds_bucket{kind=\"feed\",status=\"200\",le=\"+Inf\"}", first, StringComparison.Ordinal);
            Assert.Contains($"feedharvester_build_info{{version=\"{FeedHarvester.Diagnostics.HarvestMetrics.Version}\"}} 1", first, StringComparison.Ordinal);
            Assert.All(news.FeedUrls, feed => Assert.Contains($"feedharvester_feed_staleness_seconds{{feed_url=\"{feed.AbsoluteUri}\"}} ", second, StringComparison.Ordinal));
            Assert.Contains("# TYPE process_cpu_time_seconds_total counter", first, StringComparison.Ordinal);
            Assert.Contains("dotnet_gc_collections_total", first, StringComparison.Ordinal);

            using var healthz = await client.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
            using var readyz = await client.GetAsync("readyz");
            Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await service.WaitAsync(TimeSpan.FromSeconds(30)));
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of every sample of <paramref name="series"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Sum(string exposition, string series, string label = "") =>
        exposition.Split('\n')
            .Where(line => (line.StartsWith(series + "{", StringComparison.Ordinal) || line.StartsWith(series + " ", StringComparison.Ordinal))
                && line.Contains(label, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            string text;
            try
            {
                text = await ScrapeAsync(client);
            }
            catch (HttpRequestException ex)
            {
                // The listener starts with the host; the first scrapes may come before it.
                text = ex.Message;
            }

            if (condition(text))
            {
                return text;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the worker; last scrape:\n" + text);
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

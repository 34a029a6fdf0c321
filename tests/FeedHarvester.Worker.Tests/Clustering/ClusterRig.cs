using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FeedHarvester.Redis.Tests;
using FeedHarvester.Tests.Support;
using StackExchange.Redis;

namespace FeedHarvester.Tests.Clustering;

/// <summary>
/// What a cluster test runs on: a real PostgreSQL and a real redis-server started on free ports, a loopback news site, and
/// the worker's settings for seconds-long intervals and a dead worker noticed within about three seconds.
/// </summary>
internal sealed class ClusterRig : IAsyncDisposable
{
    private ClusterRig(PostgresServer postgres, RedisServer redis, LoopbackSite site, TestNewsSite news, HarvestRunner runner)
    {
        Postgres = postgres;
        Redis = redis;
        Site = site;
        News = news;
        Runner = runner;
    }

    public PostgresServer Postgres { get; }

    public RedisServer Redis { get; }

    public LoopbackSite Site { get; }

    public TestNewsSite News { get; }

    public HarvestRunner Runner { get; }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task<ClusterRig> StartAsync(int itemsPerFeed, TimeSpan pageDelay = default)
    {
        var postgres = await PostgresServer.StartAsync();
        var redis = await RedisServer.StartAsync();
        var site = new LoopbackSite { PageDelay = pageDelay };
        return new ClusterRig(postgres, redis, site, new TestNewsSite(site, itemsPerFeed), new HarvestRunner(site));
    }

    /// <summary>The worker's environment: feeds every <paramref name="interval"/> (not adaptive), check-ins every second.</summary>
    public Dictionary<string, string> Environment(TimeSpan interval) => new(Runner.Environment)
    {
        ["FeedHarvester__Scheduling__DefaultInterval"] = interval.ToString("c", CultureInfo.InvariantCulture),
        ["FeedHarvester__Scheduling__IntervalFloor"] = "1s",
        ["FeedHarvester__Scheduling__Adaptive"] = "false",
        ["FeedHarvester__Observability__ListenUrl"] = string.Empty,
        ["FeedHarvester__Cluster__CheckInInterval"] = "1s",
        ["FeedHarvester__Cluster__CheckInMisfireThreshold"] = "2s",
        // Every poll a line, 304s too, so a test can tell which worker polled what.
        ["Logging__LogLevel__FeedHarvester.Pipeline.FeedPoller"] = "Debug",
    };

    /// <summary><c>run</c>'s arguments for a worker of this cluster reading <paramref name="feedsFile"/>.</summary>
    public string[] Arguments(string feedsFile) =>
        ["--feeds", feedsFile, "--redis", Redis.Configuration, "--cluster", Postgres.ConnectionString, "--data-dir", Runner.DataDirectory];

    /// <summary>
    /// Serves <paramref name="count"/> more RSS feeds of one item each, linking to the news site's pages: copies the
    /// stream already holds once, so they add polls and no articles.
    /// </summary>
    public IReadOnlyList<Uri> ServeSmallFeeds(int count)
    {
        var feeds = new List<Uri>();
        for (var i = 0; i < count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/small/{i}.xml");
            var link = News.ArticleUrls[i % News.ArticleUrls.Count];
            Site.Serve(path, "application/rss+xml", string.Create(CultureInfo.InvariantCulture,
                $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Small {i}</title><link>{Site.BaseUrl}</link><item><title>Small story {i}</title><link>{link}</link><guid>small-{i}</guid></item></channel></rss>"));
            feeds.Add(Site.Url(path));
        }

        return feeds;
    }

    /// <summary>Writes a feed list of <paramref name="feeds"/> to <paramref name="name"/> in the data directory.</summary>
    public string WriteFeeds(string name, IEnumerable<Uri> feeds)
    {
        var path = Path.Combine(Runner.DataDirectory, name);
        File.WriteAllLines(path, ["# cluster test feeds", .. feeds.Select(u => u.AbsoluteUri)]);
        return path;
    }

    /// <summary>Starts <paramref name="count"/> workers and waits until each has reconciled its feed list into the job store.</summary>
    public async Task<List<RunningWorker>> StartWorkersAsync(int count, Dictionary<string, string> environment, string[] arguments)
    {
        var workers = Enumerable.Range(0, count).Select(_ => RunningWorker.Start(environment, arguments)).ToList();
        foreach (var worker in workers)
        {
            Assert.True(await worker.WaitForAsync("feeds reconciled", TimeSpan.FromSeconds(60)), worker.Log);
        }

        return workers;
    }

    /// <summary>The article URLs in the stream, in stream order (duplicates kept).</summary>
    public async Task<List<string>> StreamUrlsAsync()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration + ",abortConnect=false,connectTimeout=2000");
        var entries = await connection.GetDatabase().StreamRangeAsync("feedharvester:articles");
        return entries
            .Select(e => JsonDocument.Parse(e["article"].ToString()).RootElement.GetProperty("url").GetString()!)
            .ToList();
    }

    /// <summary>Waits until the stream holds at least <paramref name="count"/> articles or <paramref name="timeout"/> passes.</summary>
    public async Task<List<string>> WaitForStreamAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var urls = await StreamUrlsAsync();
        while (urls.Count < count && waited.Elapsed < timeout)
        {
            await Task.Delay(200);
            urls = await StreamUrlsAsync();
        }

        return urls;
    }

    /// <summary>The feed URLs whose jobs the cluster's job store holds.</summary>
    public async Task<List<string>> StoredJobsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT job_name FROM qrtz_job_details WHERE job_group = 'feeds' ORDER BY job_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>When each request for <paramref name="path"/> arrived after <paramref name="since"/> (a Stopwatch timestamp), in order.</summary>
    public List<TimeSpan> RequestTimes(string path, long since) =>
        Site.RequestLog.Where(r => r.Path == path && r.At >= since).Select(r => Stopwatch.GetElapsedTime(since, r.At)).Order().ToList();

    public async ValueTask DisposeAsync()
    {
        Runner.Dispose();
        await Site.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

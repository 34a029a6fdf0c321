using System.Diagnostics;
using System.Globalization;
using System.Net;
using FeedHarvester.Normalization;
using FeedHarvester.Redis;
using FeedHarvester.RedisBench;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

// Articles per second through RedisHarvestStore.TryClaimAsync (dedupe + emit in one script) from one worker process,
// against redis-benchmark's plain XADD on the same server as the reference. Target: at least 5,000 articles/s.
var options = BenchOptions.Parse(args);
using var localServer = options.Redis is null ? await LocalRedisServer.StartAsync() : null;
var configuration = options.Redis ?? $"127.0.0.1:{localServer!.Port}";
var (host, port) = Endpoint(configuration);
var run = "bench" + Guid.NewGuid().ToString("N")[..8];
var redisOptions = new RedisOptions
{
    Configuration = configuration,
    KeyPrefix = run + ":",
    StreamKey = run + ":articles",

    // Short-lived, so a run against a shared server (--redis) leaves nothing behind for long.
    SeenKeyRetention = TimeSpan.FromHours(1),
    StreamRetention = TimeSpan.FromHours(1),
};

await using var connection = RedisConnectionFactory.Connect(redisOptions);
var store = new RedisHarvestStore(connection, redisOptions, NullLogger<RedisHarvestStore>.Instance);
var database = connection.GetDatabase();
Console.WriteLine($"redis {configuration} ({(localServer is null ? "given" : "started from deploy/redis/redis.conf")}), " +
    $"{options.Articles:N0} articles, {options.Concurrency} concurrent claimers");

// Warm-up: JIT, the script loaded on the server, the connection's buffers grown.
await ClaimAllAsync(store, Enumerable.Range(0, 1_000).Select(n => SyntheticArticles.Create(run + "w", n)).ToArray(), options.Concurrency);

var articles = Enumerable.Range(0, options.Articles).Select(n => SyntheticArticles.Create(run, n)).ToArray();
var clock = Stopwatch.StartNew();
var (isNew, duplicates) = await ClaimAllAsync(store, articles, options.Concurrency);
clock.Stop();
var claimsPerSecond = articles.Length / clock.Elapsed.TotalSeconds;

// A second pass: every article already seen, the cost of a re-polled feed.
var again = Stopwatch.StartNew();
var (_, repeated) = await ClaimAllAsync(store, articles, options.Concurrency);
again.Stop();

var record = ArticleJson.Serialize(articles[0]);
var streamLength = await database.StreamLengthAsync(redisOptions.StreamKey);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"claims (new):       {claimsPerSecond,10:N0} articles/s  ({isNew:N0} new, {duplicates} duplicates, {clock.Elapsed.TotalSeconds:F2} s, record {record.Length:N0} bytes)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"claims (all seen):  {articles.Length / again.Elapsed.TotalSeconds,10:N0} articles/s  ({repeated:N0} duplicates)"));
Console.WriteLine($"stream length:      {streamLength:N0} (expected {articles.Length + 1_000:N0})");

var xaddKey = run + ":xadd";
var (xaddPerSecond, commandLine) = await RedisBenchmarkTool.RunXaddAsync(host, port, options.XaddRequests, xaddKey, record);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"redis-benchmark:    {xaddPerSecond,10:N0} XADD/s   ({commandLine})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio:              {claimsPerSecond / xaddPerSecond,10:P0} of plain XADD (a claim is 3 EXISTS + XADD + 3 SET in one script)"));
Console.WriteLine(claimsPerSecond >= 5_000 ? "target 5,000 articles/s: met" : "target 5,000 articles/s: NOT met");

var seenKeys = articles.Concat(Enumerable.Range(0, 1_000).Select(n => SyntheticArticles.Create(run + "w", n)))
    .SelectMany(article => SyntheticArticles.KeysOf(article).Keys)
    .Select(key => (RedisKey)$"{redisOptions.KeyPrefix}seen:{key}")
    .Concat([redisOptions.StreamKey, xaddKey]);
foreach (var batch in seenKeys.Chunk(1_000))
{
    _ = await database.KeyDeleteAsync(batch);
}

return claimsPerSecond >= 5_000 ? 0 : 1;

static async Task<(int New, int Duplicates)> ClaimAllAsync(RedisHarvestStore store, Article[] articles, int concurrency)
{
    var next = -1;
    var isNew = 0;
    var duplicates = 0;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < articles.Length)
        {
            var verdict = await store.TryClaimAsync(articles[i], SyntheticArticles.KeysOf(articles[i]), CancellationToken.None);
            _ = verdict.IsNew ? Interlocked.Increment(ref isNew) : Interlocked.Increment(ref duplicates);
        }
    })));
    return (isNew, duplicates);
}

static (string Host, int Port) Endpoint(string configuration)
{
    var endpoint = ConfigurationOptions.Parse(configuration).EndPoints[0];
    return endpoint switch
    {
        IPEndPoint ip => (ip.Address.ToString(), ip.Port),
        DnsEndPoint dns => (dns.Host, dns.Port == 0 ? 6379 : dns.Port),
        _ => throw new ArgumentException($"Unsupported endpoint {endpoint}."),
    };
}

using System.Collections.Concurrent;
using System.Diagnostics;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace FeedHarvester.Redis.Tests;

/// <summary>Redis restarted in the middle of a run of claims, with the AOF on: nothing lost, nothing twice.</summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    private const int Articles = 500;
    private const int Claimers = 4;
    private const int RestartAfter = 150;

    /// <summary>A failed claim's worker waits this long before its next claim, as a failed poll would back off.</summary>
    private static readonly TimeSpan FailureBackOff = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan RetryDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task ClaimRun_RedisKilledAndRestartedWithAofAlways_EveryArticleInStreamExactlyOnce() =>
        RunAsync(server => server.KillAsync(), "--appendonly", "yes", "--appendfsync", "always");

    [Fact]
    public Task ClaimRun_RedisShutDownAndRestartedWithAofEverySec_EveryArticleInStreamExactlyOnce() =>
        RunAsync(server => server.ShutdownAsync(), "--appendonly", "yes", "--appendfsync", "everysec");

    private async Task RunAsync(Func<RedisServer, Task> stop, params string[] serverArguments)
    {
        await using var server = await RedisServer.StartAsync(serverArguments);
        var options = TestRedis.Options(server.Configuration);
        await using var connection = RedisConnectionFactory.Connect(options);
        var store = new RedisHarvestStore(connection, options, NullLogger<RedisHarvestStore>.Instance);
        var articles = Enumerable.Range(0, Articles).Select(TestArticles.Create).ToArray();

        var outcomes = await ClaimWhileRestartingAsync(server, stop, store, articles);

        // Every claim was either acknowledged or failed; a failed one is retried later, as the next poll would.
        Assert.Equal(Articles, outcomes.Count);
        var failed = outcomes.Where(pair => pair.Value == ClaimOutcome.Failed).Select(pair => pair.Key).ToArray();
        Assert.NotEmpty(failed);
        Assert.Contains(outcomes.Values, outcome => outcome == ClaimOutcome.New);
        Assert.DoesNotContain(outcomes.Values, outcome => outcome == ClaimOutcome.Duplicate);
        var retried = await RetryUntilClaimedAsync(store, failed.Select(i => articles[i]));

        // A retry is new, or a duplicate when the failed attempt had in fact run before the connection dropped.
        Assert.Equal(failed.Length, retried.Count);
        output.WriteLine(
            $"acknowledged new: {outcomes.Values.Count(o => o == ClaimOutcome.New)}, failed: {failed.Length}, " +
            $"retried as new: {retried.Count(o => o == ClaimOutcome.New)}, retried as duplicate (ran before the drop): {retried.Count(o => o == ClaimOutcome.Duplicate)}");
        var entries = await connection.GetDatabase().StreamRangeAsync(options.StreamKey);
        var ids = entries.Select(entry => entry[RedisStreamFields.Id].ToString()).ToArray();
        Assert.Equal(articles.Select(article => article.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        // The seen keys came back with the stream: claiming everything again adds nothing.
        foreach (var article in articles)
        {
            Assert.False((await store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None)).IsNew);
        }

        Assert.Equal(Articles, await connection.GetDatabase().StreamLengthAsync(options.StreamKey));
    }

    private static async Task<ConcurrentDictionary<int, ClaimOutcome>> ClaimWhileRestartingAsync(
        RedisServer server, Func<RedisServer, Task> stop, RedisHarvestStore store, Article[] articles)
    {
        var outcomes = new ConcurrentDictionary<int, ClaimOutcome>();
        var next = -1;
        Task? restart = null;
        await Task.WhenAll(Enumerable.Range(0, Claimers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Length)
            {
                // Started from inside the run, so the other claimers have claims in flight when Redis goes away.
                if (i == RestartAfter)
                {
                    restart = Task.Run(async () =>
                    {
                        await stop(server);
                        await Task.Delay(TimeSpan.FromMilliseconds(300));
                        await server.StartAgainAsync();
                    });
                }

                outcomes[i] = await TryClaimAsync(store, articles[i]);
                if (outcomes[i] == ClaimOutcome.Failed)
                {
                    await Task.Delay(FailureBackOff);
                }
            }
        })));
        await restart!;
        return outcomes;
    }

    private static async Task<ClaimOutcome> TryClaimAsync(RedisHarvestStore store, Article article)
    {
        try
        {
            var verdict = await store.TryClaimAsync(article, TestArticles.KeysOf(article), CancellationToken.None);
            return verdict.IsNew ? ClaimOutcome.New : ClaimOutcome.Duplicate;
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            return ClaimOutcome.Failed;
        }
    }

    private static async Task<List<ClaimOutcome>> RetryUntilClaimedAsync(RedisHarvestStore store, IEnumerable<Article> failed)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<ClaimOutcome>();
        foreach (var article in failed)
        {
            ClaimOutcome outcome;
            while ((outcome = await TryClaimAsync(store, article)) == ClaimOutcome.Failed)
            {
                Assert.True(clock.Elapsed < RetryDeadline, $"Redis did not come back within {RetryDeadline}.");
                await Task.Delay(FailureBackOff);
            }

            results.Add(outcome);
        }

        return results;
    }
}

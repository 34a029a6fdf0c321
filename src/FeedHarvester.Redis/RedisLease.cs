using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// One held poll lease. While held it is renewed every third of its duration, so a lease can be short (a dead holder's
/// lease lapses quickly) and still outlast a long poll; disposing stops the renewal and releases it if it is still
/// this holder's.
/// </summary>
internal sealed class RedisLease : IAsyncDisposable
{
    private readonly IDatabase database;
    private readonly RedisKey key;
    private readonly string token;
    private readonly string feedUrl;
    private readonly ILogger logger;
    private readonly TimeSpan duration;
    private readonly CancellationTokenSource stopRenewing = new();
    private readonly Task renewing;
    private int released;

    public RedisLease(IDatabase database, RedisKey key, string token, string feedUrl, TimeSpan duration, ILogger logger)
    {
        this.database = database;
        this.key = key;
        this.token = token;
        this.feedUrl = feedUrl;
        this.duration = duration;
        this.logger = logger;
        renewing = Task.Run(RenewUntilDisposedAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 1)
        {
            return;
        }

        await stopRenewing.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        stopRenewing.Dispose();
        try
        {
            _ = await database.ScriptEvaluateAsync(RedisScripts.ReleaseLease, [key], [token]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // Not thrown on: this runs as a poll ends, and failing the poll for it would hide the poll's own outcome.
            // Nothing is lost either way: the lease expires on its own and the feed is polled again then.
            Log.LeaseReleaseFailed(logger, feedUrl, ex.Message);
        }
    }

    private async Task RenewUntilDisposedAsync()
    {
        var every = duration / 3;
        while (!stopRenewing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stopRenewing.Token).ConfigureAwait(false);
                _ = await database.ScriptEvaluateAsync(RedisScripts.RenewLease, [key], [token, (long)duration.TotalMilliseconds]).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The connection was closed under the lease (shutdown): nothing left to renew with.
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                // Redis is away: the lease may lapse, and at worst another worker polls the feed too, which dedupe absorbs.
                Log.LeaseReleaseFailed(logger, feedUrl, ex.Message);
            }
        }
    }
}

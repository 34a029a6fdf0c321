using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>One held poll lease; disposing releases it if it is still this holder's.</summary>
internal sealed class RedisLease(IDatabase database, RedisKey key, string token, string feedUrl, ILogger logger) : IAsyncDisposable
{
    private int _released;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

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
}

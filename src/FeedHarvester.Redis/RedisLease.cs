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
    private readonly IDatabase _database;
    private readonly RedisKey _key;
    private readonly string _token;
    private readonly string _feedUrl;
    private readonly ILogger _logger;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private int _released;

    public RedisLease(IDatabase database, RedisKey key, string token, string feedUrl, TimeSpan duration, ILogger logger)
    {
        _database = database;
        _key = key;
        _token = token;
        _feedUrl = feedUrl;
        _duration = duration;
        _logger = logger;
        _renewing = Task.Run(RenewUntilDisposedAsync);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _stopRenewing.Dispose();
        try
        {
            _ = await _database.ScriptEvaluateAsync(RedisScripts.ReleaseLease, [_key], [_token]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // Not thrown on: this runs as a poll ends, and failing the poll for it would hide the poll's own outcome.
            // Nothing is lost either way: the lease expires on its own and the feed is polled again then.
            Log.LeaseReleaseFailed(_logger, _feedUrl, ex.Message);
        }
    }

    private async Task RenewUntilDisposedAsync()
    {
        var every = _duration / 3;
        while (!_stopRenewing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _stopRenewing.Token).ConfigureAwait(false);
                _ = await _database.ScriptEvaluateAsync(RedisScripts.RenewLease, [_key], [_token, (long)_duration.TotalMilliseconds]).ConfigureAwait(false);
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
                Log.LeaseReleaseFailed(_logger, _feedUrl, ex.Message);
            }
        }
    }
}

using System.Security.Cryptography;
using FeedHarvester.Feeds;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Per-feed poll lease shared by every worker on one Redis: SET "{prefix}lease:{url}" to a random token with NX and a
/// millisecond expiry. Release deletes the key only while it still holds the holder's token, and a holder that dies simply
/// lets it expire.
/// </summary>
internal sealed class RedisPollLease : IPollLease
{
    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private readonly string _keyPrefix;
    private readonly TimeSpan _maxDuration;

    public RedisPollLease(IConnectionMultiplexer connection, RedisOptions options, ILogger<RedisPollLease> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _logger = logger;
        _keyPrefix = options.KeyPrefix;
        _maxDuration = options.PollLeaseDuration;
    }

    /// <remarks>A <paramref name="duration"/> above <see cref="RedisOptions.PollLeaseDuration"/> is shortened to it.</remarks>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string feedUrl, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(feedUrl);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(1));

        var key = RedisKeys.Lease(_keyPrefix, feedUrl);
        var token = NewToken();
        var expiry = duration < _maxDuration ? duration : _maxDuration;
        var database = _connection.GetDatabase();
        var acquired = await database.StringSetAsync(key, token, expiry, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        return acquired ? new RedisLease(database, key, token, feedUrl, expiry, _logger) : null;
    }

    // 128 random bits: a token another holder could guess would let it release a lease it does not hold.
    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

using FeedHarvester.Deduplication;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Feed state, seen keys and the article stream in Redis. A claim is one server-side script that checks every key and,
/// only when none was seen, adds the article to the stream and records the keys: emitted and recorded together or not at
/// all, and two workers racing on one article produce one entry. While Redis is down every call throws
/// (<see cref="RedisConnectionException"/> or <see cref="RedisTimeoutException"/>); the pipeline turns that into a failed
/// poll whose validators are not advanced, so the next poll claims the same entries again.
/// </summary>
public sealed class RedisHarvestStore : IFeedStateStore, IDedupeStore
{
    private static readonly RedisValue MinIdMode = "MINID";
    private static readonly RedisValue MaxLenMode = "MAXLEN";

    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private readonly string _keyPrefix;
    private readonly RedisKey _streamKey;
    private readonly RedisKey _feedIndex;
    private readonly RedisValue _trimMode;
    private readonly RedisValue _trimThreshold;
    private readonly RedisValue _seenKeyTtlSeconds;

    public RedisHarvestStore(IConnectionMultiplexer connection, RedisOptions options, ILogger<RedisHarvestStore> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _logger = logger;
        _keyPrefix = options.KeyPrefix;
        _streamKey = options.StreamKey;
        _feedIndex = RedisKeys.FeedIndex(options.KeyPrefix);
        (_trimMode, _trimThreshold) = options.StreamTrimming == StreamTrimming.MaxLen
            ? (MaxLenMode, (RedisValue)options.StreamMaxLength)
            : (MinIdMode, (RedisValue)(long)options.StreamRetention.TotalMilliseconds);
        _seenKeyTtlSeconds = (long)Math.Ceiling(options.SeenKeyRetention.TotalSeconds);
    }

    private IDatabase Database => _connection.GetDatabase();

    public async Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(feedUrl);
        var entries = await Database.HashGetAllAsync(RedisKeys.Feed(_keyPrefix, feedUrl)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return FeedStateHash.FromEntries(entries);
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = RedisKeys.Feed(_keyPrefix, state.FeedUrl);

        // MULTI/EXEC: the old hash is replaced as a whole (a member set to null must disappear), and index and hash never disagree.
        var transaction = Database.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        _ = transaction.HashSetAsync(key, FeedStateHash.ToEntries(state));
        _ = transaction.SortedSetAddAsync(_feedIndex, state.FeedUrl, 0);
        if (!await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RedisException($"Saving the state of feed {state.FeedUrl} was not committed.");
        }
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken)
    {
        var database = Database;
        var urls = await database.SortedSetRangeByRankAsync(_feedIndex).WaitAsync(cancellationToken).ConfigureAwait(false);

        // Issued together so the multiplexer pipelines them: one round trip's latency, not one per feed.
        var reads = urls.Select(url => database.HashGetAllAsync(RedisKeys.Feed(_keyPrefix, url.ToString()))).ToArray();
        var hashes = await Task.WhenAll(reads).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. hashes.Select(FeedStateHash.FromEntries).OfType<FeedState>()];
    }

    public async Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return null;
        }

        var database = Database;
        var checks = keys.Select(key => database.KeyExistsAsync(RedisKeys.Seen(_keyPrefix, key))).ToArray();
        var seen = await Task.WhenAll(checks).WaitAsync(cancellationToken).ConfigureAwait(false);
        var first = Array.IndexOf(seen, true);
        return first < 0 ? null : keys[first];
    }

    public async Task<DedupeVerdict> TryClaimAsync(Article article, DedupeKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(keys);

        // An article without keys could never be recognized again and would be emitted on every poll.
        if (keys.Keys.Count == 0)
        {
            throw new ArgumentException($"Article {article.Id} has no dedupe keys; at least one is required.", nameof(keys));
        }

        var scriptKeys = new RedisKey[keys.Keys.Count + 1];
        scriptKeys[0] = _streamKey;
        for (var i = 0; i < keys.Keys.Count; i++)
        {
            scriptKeys[i + 1] = RedisKeys.Seen(_keyPrefix, keys.Keys[i]);
        }

        RedisValue[] arguments =
        [
            article.Id,
            article.SchemaVersion,
            ArticleJson.Serialize(article),
            _trimMode,
            _trimThreshold,
            _seenKeyTtlSeconds,
        ];

        // Not cancellable on the wire: once sent the script runs to completion; WaitAsync only stops waiting for the answer,
        // and an unanswered claim is safe to repeat (the repeat finds its own keys and reports a duplicate).
        var result = await Database.ScriptEvaluateAsync(RedisScripts.Claim, scriptKeys, arguments).WaitAsync(cancellationToken).ConfigureAwait(false);
        return ToVerdict(article, keys, result);
    }

    private DedupeVerdict ToVerdict(Article article, DedupeKeys keys, RedisResult result)
    {
        if (result.Resp2Type == ResultType.Integer)
        {
            var matched = keys.Keys[(int)result - 1];
            Log.ArticleDuplicate(_logger, article.Id, article.FeedUrl, matched.ToString());
            return DedupeVerdict.Duplicate(matched);
        }

        var entryId = result.ToString() ?? string.Empty;
        Log.ArticleClaimed(_logger, article.Id, article.FeedUrl, entryId);
        return DedupeVerdict.New;
    }
}

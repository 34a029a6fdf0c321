using FeedHarvester.Deduplication;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Feed state, seen keys, the near-duplicate index and the article stream in Redis. A claim is one server-side script
/// (<see cref="RedisScripts.Claim"/>) that checks every key and, only when none was seen, looks the article's story up in
/// the index, adds the article to the stream (linked to its story) and records the keys and the index entry: emitted and
/// recorded together or not at all, two workers racing on one article produce one entry, and two racing on two copies of
/// one story produce one original. While Redis is down every call throws
/// (<see cref="RedisConnectionException"/> or <see cref="RedisTimeoutException"/>); the pipeline turns that into a failed
/// poll whose validators are not advanced, so the next poll claims the same entries again.
/// </summary>
public sealed class RedisHarvestStore : IFeedStateStore, IDedupeStore
{
    private readonly IConnectionMultiplexer _connection;
    private readonly ILogger _logger;
    private readonly string _keyPrefix;
    private readonly RedisKey _feedIndex;
    private readonly ClaimScript _claim;

    public RedisHarvestStore(IConnectionMultiplexer connection, RedisOptions options, ILogger<RedisHarvestStore> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _connection = connection;
        _logger = logger;
        _keyPrefix = options.KeyPrefix;
        _feedIndex = RedisKeys.FeedIndex(options.KeyPrefix);
        _claim = new ClaimScript(options);
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

        var (scriptKeys, arguments) = _claim.Prepare(article, keys);

        // Not cancellable on the wire: once sent the script runs to completion; WaitAsync only stops waiting for the answer,
        // and an unanswered claim is safe to repeat (the repeat finds its own keys and reports a duplicate).
        var result = await Database.ScriptEvaluateAsync(RedisScripts.Claim, scriptKeys, arguments).WaitAsync(cancellationToken).ConfigureAwait(false);
        var (verdict, entryId) = ClaimScript.Read(result, keys);
        LogVerdict(article, verdict, entryId);
        return verdict;
    }

    private void LogVerdict(Article article, DedupeVerdict verdict, string? entryId)
    {
        if (verdict.MatchedKey is { } matched)
        {
            Log.ArticleDuplicate(_logger, article.Id, article.FeedUrl, matched.ToString());
        }
        else if (verdict.Story is not { } story)
        {
            Log.ArticleClaimed(_logger, article.Id, article.FeedUrl, entryId ?? string.Empty);
        }
        else if (verdict.IsNew)
        {
            Log.ArticleLinked(_logger, article.Id, article.FeedUrl, story.DuplicateOf, story.StoryId, story.Similarity, entryId ?? string.Empty);
        }

        // A dropped near-copy gets its one line from the entry harvester, which has the article's URL.
    }
}

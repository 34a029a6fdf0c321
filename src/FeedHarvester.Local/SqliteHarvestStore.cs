using FeedHarvester.Deduplication;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>Feed state and dedupe keys in the local SQLite database; a claim queues the article in the outbox atomically.</summary>
public sealed class SqliteHarvestStore : IFeedStateStore, IDedupeStore
{
    private readonly HarvestDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal SqliteHarvestStore(HarvestDatabase database, TimeProvider timeProvider, ILogger<SqliteHarvestStore> logger)
    {
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(feedUrl);
        return _database.ReadAsync((connection, ct) => FeedStateTable.GetAsync(connection, feedUrl, ct), cancellationToken);
    }

    public Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _database.WriteAsync(
            async (transaction, ct) =>
            {
                await FeedStateTable.SaveAsync(transaction, state, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(FeedStateTable.ListAsync, cancellationToken);

    public Task<DedupeKey?> FindSeenAsync(IReadOnlyList<DedupeKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0
            ? Task.FromResult<DedupeKey?>(null)
            : _database.ReadAsync((connection, ct) => SeenKeyTable.FindFirstSeenAsync(connection, null, keys, ct), cancellationToken);
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

        // Serialized before taking the write gate so concurrent claims only queue for the SQL itself.
        var record = ArticleJson.Serialize(article);
        var seenAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var verdict = await _database.WriteAsync(
            async (transaction, ct) =>
            {
                var matched = await SeenKeyTable.FindFirstSeenAsync(transaction.Connection!, transaction, keys.Keys, ct).ConfigureAwait(false);
                if (matched is { } key)
                {
                    return DedupeVerdict.Duplicate(key);
                }

                await SeenKeyTable.InsertAsync(transaction, keys.Keys, article.Id, seenAt, ct).ConfigureAwait(false);
                await OutboxTable.EnqueueAsync(transaction, article.Id, record, ct).ConfigureAwait(false);
                return DedupeVerdict.New;
            },
            cancellationToken).ConfigureAwait(false);

        LogVerdict(article, verdict);
        return verdict;
    }

    /// <summary>Forgets keys first seen before <paramref name="olderThan"/>; returns how many were removed.</summary>
    /// <remarks>An article re-published after its keys are purged is claimed as new again, so keep the window
    /// longer than any feed keeps an item.</remarks>
    public async Task<int> PurgeSeenKeysAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        var removed = await _database.WriteAsync(
            (transaction, ct) => SeenKeyTable.DeleteOlderThanAsync(transaction, cutoff, ct),
            cancellationToken).ConfigureAwait(false);
        Log.SeenKeysPurged(_logger, removed, olderThan);
        return removed;
    }

    /// <summary>Claimed articles not yet confirmed written by the sink.</summary>
    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(OutboxTable.CountAsync, cancellationToken);

    private void LogVerdict(Article article, DedupeVerdict verdict)
    {
        if (verdict.IsNew)
        {
            Log.ArticleClaimed(_logger, article.Id, article.FeedUrl);
        }
        else
        {
            Log.ArticleDuplicate(_logger, article.Id, article.FeedUrl, verdict.MatchedKey!.Value.ToString());
        }
    }
}

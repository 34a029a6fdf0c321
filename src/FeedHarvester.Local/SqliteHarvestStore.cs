using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Feeds;
using FeedHarvester.Normalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Feed state, dedupe keys and the near-duplicate index in the local SQLite database; a claim checks and updates the keys
/// and the index and queues the article in the outbox in one transaction.
/// </summary>
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

        // Serialized before taking the write gate so concurrent claims only queue for the SQL itself; a linked copy,
        // known only inside the transaction, is serialized again there.
        var record = ArticleJson.Serialize(article);
        var claimedAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var verdict = await _database.WriteAsync(
            (transaction, ct) => ClaimAsync(transaction, article, keys, record, claimedAt, ct),
            cancellationToken).ConfigureAwait(false);

        LogVerdict(article, verdict);
        return verdict;
    }

    /// <summary>
    /// Forgets keys first seen before <paramref name="olderThan"/>, and the near-duplicate index entries of articles
    /// claimed before it; returns how many keys were removed.
    /// </summary>
    /// <remarks>An article re-published after its keys are purged is claimed as new again, and a copy of a story whose
    /// copies were all purged starts a new story, so keep the window longer than any feed keeps an item.</remarks>
    public async Task<int> PurgeSeenKeysAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        var (keys, indexRows) = await _database.WriteAsync(
            async (transaction, ct) => (
                await SeenKeyTable.DeleteOlderThanAsync(transaction, cutoff, ct).ConfigureAwait(false),
                await StoryIndexTable.DeleteOlderThanAsync(transaction, cutoff, ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        Log.SeenKeysPurged(_logger, keys, indexRows, olderThan);
        return keys;
    }

    /// <summary>When the newest seen key was stored, by the clocks that stored it; null when none is.</summary>
    public async Task<DateTimeOffset?> NewestSeenKeyAtAsync(CancellationToken cancellationToken) =>
        await _database.ReadAsync((connection, ct) => SeenKeyTable.NewestSeenAtAsync(connection, null, ct), cancellationToken).ConfigureAwait(false) is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>
    /// Moves the time of every seen key and near-copy index entry forward by <paramref name="shift"/> in one transaction,
    /// keeping their order; returns how many keys moved. See <see cref="SeenKeyPurger"/> for when.
    /// </summary>
    public Task<int> RedateSeenKeysAsync(TimeSpan shift, CancellationToken cancellationToken)
    {
        var shiftMs = (long)shift.TotalMilliseconds;
        return _database.WriteAsync(
            async (transaction, ct) =>
            {
                await StoryIndexTable.ShiftAllAsync(transaction, shiftMs, ct).ConfigureAwait(false);
                return await SeenKeyTable.ShiftAllAsync(transaction, shiftMs, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>Claimed articles not yet confirmed written by the sink.</summary>
    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(OutboxTable.CountAsync, cancellationToken);

    /// <summary>
    /// The claim's one transaction: (a) a seen key makes it a duplicate and changes nothing; otherwise (b) earlier copies
    /// are looked up in the index; (c) a copy under the drop policy only records its keys; (d) anything else records its
    /// keys, is queued (a copy with its story's link) and joins the index. The write gate serializes claims, so of two
    /// copies claimed at once the second always finds the first.
    /// </summary>
    private static async Task<DedupeVerdict> ClaimAsync(
        SqliteTransaction transaction,
        Article article,
        DedupeKeys keys,
        string record,
        long claimedAt,
        CancellationToken cancellationToken)
    {
        if (await SeenKeyTable.FindFirstSeenAsync(transaction.Connection!, transaction, keys.Keys, cancellationToken).ConfigureAwait(false) is { } seen)
        {
            return DedupeVerdict.Duplicate(seen);
        }

        // Never dated before the newest key: while the clock is behind (set back, not yet corrected) new keys take the
        // newest time instead of an old one, so correcting the clock later cannot make them look past the retention.
        if (await SeenKeyTable.NewestSeenAtAsync(transaction.Connection!, transaction, cancellationToken).ConfigureAwait(false) is { } newest && newest > claimedAt)
        {
            claimedAt = newest;
        }

        var check = keys.NearDuplicates is { Policy: not NearDuplicatePolicy.Off } active ? active : null;
        var link = check is null ? null : await FindStoryAsync(transaction, article, check, cancellationToken).ConfigureAwait(false);
        await SeenKeyTable.InsertAsync(transaction, keys.Keys, article.Id, claimedAt, cancellationToken).ConfigureAwait(false);
        if (link is not null && check!.Policy == NearDuplicatePolicy.Drop)
        {
            return DedupeVerdict.DroppedCopy(link);
        }

        var queued = link is null ? record : ArticleJson.Serialize(article with { StoryId = link.StoryId, DuplicateOf = link.DuplicateOf });
        await OutboxTable.EnqueueAsync(transaction, article.Id, queued, cancellationToken).ConfigureAwait(false);
        if (check is not null)
        {
            var storyId = link?.StoryId ?? article.StoryId;
            await StoryIndexTable.AddAsync(transaction, article.Id, storyId, check, claimedAt, cancellationToken).ConfigureAwait(false);
        }

        return link is null ? DedupeVerdict.New : DedupeVerdict.LinkedCopy(link);
    }

    private static async Task<StoryLink?> FindStoryAsync(
        SqliteTransaction transaction,
        Article article,
        NearDuplicateCheck check,
        CancellationToken cancellationToken)
    {
        var candidates = await StoryIndexTable.FindCandidatesAsync(transaction, check, article.Id, cancellationToken).ConfigureAwait(false);
        return StoryMatcher.BestMatch(check, candidates);
    }

    // A dropped near-copy gets its one line from the entry harvester, which has the article's URL, not a second one here.
    private void LogVerdict(Article article, DedupeVerdict verdict)
    {
        switch (verdict)
        {
            case { IsNew: true, Story: { } story }:
                Log.CopyLinked(_logger, article.Id, article.FeedUrl, story.DuplicateOf, story.StoryId, story.Similarity);
                break;
            case { IsNew: true }:
                Log.ArticleClaimed(_logger, article.Id, article.FeedUrl);
                break;
            case { MatchedKey: { } matched }:
                Log.ArticleDuplicate(_logger, article.Id, article.FeedUrl, matched.ToString());
                break;
        }
    }
}

using System.Globalization;
using FeedHarvester.Deduplication.NearDuplicates;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>
/// SQL over the near-duplicate index: story_signature (each indexed article's signature and story id) and story_band
/// (its band keys, prefixed with <see cref="MinHashTuning.IndexVersion"/> so entries written with other tuning are never
/// found again and simply age out).
/// </summary>
internal static class StoryIndexTable
{
    // The rest of a bucket is never read, so a bucket grows only until the purge but costs at most this many rows per claim.
    private const string SelectBucket = """
        SELECT article_id FROM story_band WHERE band_key = $band_key
        ORDER BY indexed_at DESC, article_id DESC LIMIT $limit;
        """;

    private const string SelectSignature = "SELECT story_id, signature FROM story_signature WHERE article_id = $article_id;";

    // OR REPLACE / OR IGNORE: an article is indexed once per claim, but one re-claimed after its keys were purged must not fail.
    private const string InsertSignature = """
        INSERT OR REPLACE INTO story_signature (article_id, story_id, signature, indexed_at)
        VALUES ($article_id, $story_id, $signature, $indexed_at);
        """;

    private const string InsertBand = "INSERT OR IGNORE INTO story_band (band_key, indexed_at, article_id) VALUES ($band_key, $indexed_at, $article_id);";

    private const string DeleteSignaturesOlderThan = "DELETE FROM story_signature WHERE indexed_at < $older_than;";

    private const string DeleteBandsOlderThan = "DELETE FROM story_band WHERE indexed_at < $older_than;";

    /// <summary>
    /// The earlier articles sharing at least one band with <paramref name="check"/>, newest first per band, each once, with
    /// their stories and signatures; <paramref name="excludedArticleId"/> (the claimant) is never its own candidate.
    /// </summary>
    public static async Task<IReadOnlyList<StoryCandidate>> FindCandidatesAsync(
        SqliteTransaction transaction,
        NearDuplicateCheck check,
        string excludedArticleId,
        CancellationToken cancellationToken)
    {
        var articleIds = await ReadBucketsAsync(transaction, check.BandKeys, cancellationToken).ConfigureAwait(false);
        _ = articleIds.Remove(excludedArticleId);
        if (articleIds.Count == 0)
        {
            return [];
        }

        using var command = Command(transaction, SelectSignature);
        var articleId = command.Parameters.Add("$article_id", SqliteType.Text);
        var candidates = new List<StoryCandidate>(articleIds.Count);
        foreach (var id in articleIds)
        {
            articleId.Value = id;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

            // A signature of another length was written with other tuning: not comparable, so not a candidate.
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                && StorySignature.FromBytes((byte[])reader.GetValue(1)) is { } signature)
            {
                candidates.Add(new StoryCandidate(id, reader.GetString(0), signature));
            }
        }

        return candidates;
    }

    /// <summary>Indexes an article: its signature under its story, and its band keys.</summary>
    public static async Task AddAsync(
        SqliteTransaction transaction,
        string articleId,
        string storyId,
        NearDuplicateCheck check,
        long indexedAtUnixMs,
        CancellationToken cancellationToken)
    {
        using (var command = Command(transaction, InsertSignature))
        {
            _ = command.Parameters.AddWithValue("$article_id", articleId);
            _ = command.Parameters.AddWithValue("$story_id", storyId);
            _ = command.Parameters.AddWithValue("$signature", check.Signature.ToBytes());
            _ = command.Parameters.AddWithValue("$indexed_at", indexedAtUnixMs);
            _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var bands = Command(transaction, InsertBand);
        var bandKey = bands.Parameters.Add("$band_key", SqliteType.Text);
        _ = bands.Parameters.AddWithValue("$indexed_at", indexedAtUnixMs);
        _ = bands.Parameters.AddWithValue("$article_id", articleId);
        foreach (var key in check.BandKeys)
        {
            bandKey.Value = StoredBandKey(key);
            _ = await bands.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets articles indexed before the cutoff; returns how many signatures and band rows were removed.</summary>
    public static async Task<int> DeleteOlderThanAsync(SqliteTransaction transaction, long olderThanUnixMs, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var sql in (string[])[DeleteBandsOlderThan, DeleteSignaturesOlderThan])
        {
            using var command = Command(transaction, sql);
            _ = command.Parameters.AddWithValue("$older_than", olderThanUnixMs);
            removed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>A band key as stored: the index version, a colon and the key.</summary>
    internal static string StoredBandKey(string bandKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{MinHashTuning.IndexVersion}:{bandKey}");

    private static async Task<List<string>> ReadBucketsAsync(
        SqliteTransaction transaction,
        IReadOnlyList<string> bandKeys,
        CancellationToken cancellationToken)
    {
        using var command = Command(transaction, SelectBucket);
        var bandKey = command.Parameters.Add("$band_key", SqliteType.Text);
        _ = command.Parameters.AddWithValue("$limit", MinHashTuning.MaxArticlesPerBucket);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var articleIds = new List<string>();
        foreach (var key in bandKeys)
        {
            bandKey.Value = StoredBandKey(key);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var articleId = reader.GetString(0);
                if (seen.Add(articleId))
                {
                    articleIds.Add(articleId);
                }
            }
        }

        return articleIds;
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}

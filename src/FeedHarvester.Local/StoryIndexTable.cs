using System.Globalization;
using System.Text;
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
    // One statement for the whole lookup: for each band (in band order) the bucket's newest $limit articles, each article
    // once (under the first band that found it), newest first within a band. Reading only the newest rows of a bucket
    // keeps a popular bucket's cost bounded; the rest of it is never read and waits for the purge.
    private const string SelectCandidates = """
        SELECT MIN(k.key) AS band, s.article_id, s.story_id, s.signature
        FROM json_each($band_keys) AS k
        JOIN story_signature AS s ON s.article_id IN (
            SELECT b.article_id FROM story_band AS b WHERE b.band_key = k.value
            ORDER BY b.indexed_at DESC, b.article_id DESC LIMIT $limit)
        WHERE s.article_id <> $excluded
        GROUP BY s.article_id
        ORDER BY band, s.indexed_at DESC, s.article_id DESC;
        """;

    // OR REPLACE / OR IGNORE: an article is indexed once per claim, but one re-claimed after its keys were purged must not fail.
    private const string InsertSignature = """
        INSERT OR REPLACE INTO story_signature (article_id, story_id, signature, indexed_at)
        VALUES ($article_id, $story_id, $signature, $indexed_at);
        """;

    private const string InsertBands = """
        INSERT OR IGNORE INTO story_band (band_key, indexed_at, article_id)
        SELECT value, $indexed_at, $article_id FROM json_each($band_keys);
        """;

    private const string DeleteSignaturesOlderThan = "DELETE FROM story_signature WHERE indexed_at < $older_than;";

    private const string DeleteBandsOlderThan = "DELETE FROM story_band WHERE indexed_at < $older_than;";

    private const string ShiftSignatures = "UPDATE story_signature SET indexed_at = indexed_at + $shift;";

    private const string ShiftBands = "UPDATE story_band SET indexed_at = indexed_at + $shift;";

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
        using var command = Command(transaction, SelectCandidates);
        _ = command.Parameters.AddWithValue("$band_keys", StoredBandKeysJson(check.BandKeys));
        _ = command.Parameters.AddWithValue("$limit", MinHashTuning.MaxArticlesPerBucket);
        _ = command.Parameters.AddWithValue("$excluded", excludedArticleId);
        var candidates = new List<StoryCandidate>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A signature of another length was written with other tuning: not comparable, so not a candidate.
            if (StorySignature.FromBytes((byte[])reader.GetValue(3)) is { } signature)
            {
                candidates.Add(new StoryCandidate(reader.GetString(1), reader.GetString(2), signature));
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

        using var bands = Command(transaction, InsertBands);
        _ = bands.Parameters.AddWithValue("$band_keys", StoredBandKeysJson(check.BandKeys));
        _ = bands.Parameters.AddWithValue("$indexed_at", indexedAtUnixMs);
        _ = bands.Parameters.AddWithValue("$article_id", articleId);
        _ = await bands.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>Moves every entry's time by <paramref name="shiftMs"/> (with the seen keys: see <see cref="SeenKeyTable.ShiftAllAsync"/>).</summary>
    public static async Task ShiftAllAsync(SqliteTransaction transaction, long shiftMs, CancellationToken cancellationToken)
    {
        foreach (var sql in (string[])[ShiftSignatures, ShiftBands])
        {
            using var command = Command(transaction, sql);
            _ = command.Parameters.AddWithValue("$shift", shiftMs);
            _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A band key as stored: the index version, a colon and the key.</summary>
    internal static string StoredBandKey(string bandKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{MinHashTuning.IndexVersion}:{bandKey}");

    // The version prefix every stored key starts with, built once rather than as a string per key.
    private static readonly string StoredKeyPrefix = StoredBandKey(string.Empty);

    /// <summary>The stored band keys as a JSON array, so one statement can read or write all of them.</summary>
    /// <remarks>Band keys are hex digits after the version and colon, so they need no escaping.</remarks>
    internal static string StoredBandKeysJson(IReadOnlyList<string> bandKeys)
    {
        var json = new StringBuilder(bandKeys.Count * 24).Append('[');
        for (var i = 0; i < bandKeys.Count; i++)
        {
            _ = json.Append(i == 0 ? "\"" : ",\"")
                .Append(StoredKeyPrefix).Append(bandKeys[i]).Append('"');
        }

        return json.Append(']').ToString();
    }

    private static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}

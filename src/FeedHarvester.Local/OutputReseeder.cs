using System.Globalization;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>What a re-seed found in the output file.</summary>
/// <param name="Records">Records whose keys were recorded.</param>
/// <param name="Indexed">Of those, records entered in the near-copy index (a body long enough, near-copy check on).</param>
/// <param name="Unrecognized">Complete lines that are not records (kept in the file, no keys recorded).</param>
/// <param name="TornBytes">Bytes of an incomplete last line, cut from the file.</param>
internal readonly record struct ReseedResult(int Records, int Indexed, int Unrecognized, long TornBytes);

/// <summary>
/// Rebuilds the dedupe state of a new database from the output file, so the output doubles as the backup of the seen
/// keys: each record's keys are derived by the claims' own <see cref="DedupeKeyBuilder"/> and recorded as its claim
/// recorded them (the seen keys, and the near-copy index under the record's story id), first seen at its fetch time;
/// the file's length then becomes the committed length, so nothing in it is emitted again.
/// </summary>
/// <remarks>
/// Not rebuilt, because no record holds it: feed state (ETag, Last-Modified, schedule, status and counters), so every
/// feed is fetched in full once; and the keys of near-copies dropped under <c>NearDuplicates: drop</c>, which were
/// never emitted, so they are fetched again and dropped again. A crash part-way leaves the database still without a
/// committed length, so the next start re-seeds again; every insert is idempotent.
/// </remarks>
internal sealed class OutputReseeder(HarvestDatabase database, DedupeKeyBuilder keyBuilder, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Records per transaction: bounds the write-ahead log and the keys held in memory while a large file is read.</summary>
    private const int BatchRecords = 1_000;

    /// <summary>
    /// Longest line read as a record: far above any record a page within Fetching:MaxPageBytes yields, and it keeps a
    /// damaged file with no newlines from being read into memory whole. A longer line is reported as not a record.
    /// </summary>
    internal const int MaxRecordBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The writer's page cache while re-seeding, in KiB. Band keys are hashes, so every batch inserts all over the index;
    /// in SQLite's default 2 MiB cache each page is read and spilled again and again (10,000 records: 520,000 page
    /// writes and 18 s, against 7 s with this). Restored to what it was once the re-seed is done.
    /// </summary>
    private const int CacheKiB = 64 * 1024;

    public async Task<ReseedResult> ReseedAsync(string outputPath, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        var cacheSize = await SetCacheSizeAsync(-CacheKiB, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await ReadAndRecordAsync(outputPath, now, cancellationToken).ConfigureAwait(false);
            Log.Reseeded(logger, result.Records, result.Indexed, outputPath, timeProvider.GetElapsedTime(started));
            return result;
        }
        finally
        {
            _ = await SetCacheSizeAsync(cacheSize, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<ReseedResult> ReadAndRecordAsync(string outputPath, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(outputPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var tally = await RecordLinesAsync(file, now, cancellationToken).ConfigureAwait(false);
        if (tally.TornBytes > 0)
        {
            // Its record's outbox row went with the old database, so it can never be completed; cut, it is harvested again.
            file.SetLength(tally.CompleteLength);
            file.Flush(flushToDisk: true);
            Log.ReseedTornLineCut(logger, tally.TornBytes, outputPath);
        }

        if (tally.Unrecognized > 0)
        {
            Log.ReseedLinesNotRecords(logger, tally.Unrecognized, outputPath, tally.FirstUnrecognized);
        }

        // Last, and only once the file is in its final state: until this commits the database still reads as new.
        _ = await database.WriteAsync(
            async (transaction, ct) =>
            {
                await SinkStateTable.SaveCommittedLengthAsync(transaction, tally.CompleteLength, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return new ReseedResult(tally.Records, tally.Indexed, tally.Unrecognized, tally.TornBytes);
    }

    private async Task<Tally> RecordLinesAsync(FileStream file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var batch = new List<Seed>(BatchRecords);
        await foreach (var line in OutputLineReader.ReadAsync(file, MaxRecordBytes, cancellationToken).ConfigureAwait(false))
        {
            if (!line.Complete)
            {
                tally.TornBytes = line.Length;
                break;
            }

            tally.CompleteLength = line.Offset + line.Length + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if ((line.TooLong ? null : SeedRecord.TryRead(line.Bytes, now)) is not { } article)
            {
                tally.NotARecord(line.Offset);
                continue;
            }

            batch.Add(tally.Add(Seed.For(article, keyBuilder)));
            if (batch.Count == BatchRecords)
            {
                await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
        return tally;
    }

    /// <summary>Sets the writer's cache_size (negative: KiB) and returns the value it had.</summary>
    private Task<long> SetCacheSizeAsync(long cacheSize, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, ct) =>
            {
                using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "PRAGMA cache_size;";
                var previous = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize};");
                _ = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return previous;
            },
            cancellationToken);

    private Task RecordAsync(List<Seed> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return Task.CompletedTask;
        }

        var seeds = batch.ToArray();
        return database.WriteAsync(
            async (transaction, ct) =>
            {
                foreach (var seed in seeds)
                {
                    await SeenKeyTable.InsertAsync(transaction, seed.Keys, seed.ArticleId, seed.SeenAt, ct).ConfigureAwait(false);
                    if (seed.NearCopyCheck is { } check)
                    {
                        await StoryIndexTable.AddAsync(transaction, seed.ArticleId, seed.StoryId, check, seed.SeenAt, ct).ConfigureAwait(false);
                    }
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>What one record contributes: its keys and, when its claim indexed it, its near-copy check.</summary>
    private sealed record Seed(string ArticleId, string StoryId, IReadOnlyList<DedupeKey> Keys, NearDuplicateCheck? NearCopyCheck, long SeenAt)
    {
        public static Seed For(FeedHarvester.Normalization.Article article, DedupeKeyBuilder keyBuilder)
        {
            var keys = keyBuilder.For(article);
            var check = keys.NearDuplicates is { Policy: not NearDuplicatePolicy.Off } active ? active : null;
            return new Seed(article.Id, article.StoryId, keys.Keys, check, article.FetchedAt.ToUnixTimeMilliseconds());
        }
    }

    private sealed class Tally
    {
        public int Records { get; private set; }

        public int Indexed { get; private set; }

        public int Unrecognized { get; private set; }

        public long FirstUnrecognized { get; private set; } = -1;

        /// <summary>Bytes up to and including the last newline read.</summary>
        public long CompleteLength { get; set; }

        public long TornBytes { get; set; }

        public Seed Add(Seed seed)
        {
            Records++;
            Indexed += seed.NearCopyCheck is null ? 0 : 1;
            return seed;
        }

        public void NotARecord(long offset)
        {
            Unrecognized++;
            FirstUnrecognized = FirstUnrecognized < 0 ? offset : FirstUnrecognized;
        }
    }
}

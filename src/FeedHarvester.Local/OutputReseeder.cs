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

    public async Task<ReseedResult> ReseedAsync(string outputPath, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        await using var file = new FileStream(outputPath, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var batch = new List<Seed>(BatchRecords);
        var records = 0;
        var indexed = 0;
        var unrecognized = 0;
        long firstUnrecognized = -1;
        long completeLength = 0;
        long tornBytes = 0;
        await foreach (var line in OutputLineReader.ReadAsync(file, MaxRecordBytes, cancellationToken).ConfigureAwait(false))
        {
            if (!line.Complete)
            {
                tornBytes = line.Length;
                break;
            }

            completeLength = line.Offset + line.Length + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if ((line.TooLong ? null : SeedRecord.TryRead(line.Bytes, now)) is not { } article)
            {
                unrecognized++;
                firstUnrecognized = firstUnrecognized < 0 ? line.Offset : firstUnrecognized;
                continue;
            }

            var seed = Seed.For(article, keyBuilder);
            batch.Add(seed);
            records++;
            indexed += seed.NearCopyCheck is null ? 0 : 1;
            if (batch.Count == BatchRecords)
            {
                await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await RecordAsync(batch, cancellationToken).ConfigureAwait(false);
        if (tornBytes > 0)
        {
            // Its record's outbox row went with the old database, so it can never be completed; cut, it is harvested again.
            file.SetLength(completeLength);
            file.Flush(flushToDisk: true);
            Log.ReseedTornLineCut(logger, tornBytes, outputPath);
        }

        if (unrecognized > 0)
        {
            Log.ReseedLinesNotRecords(logger, unrecognized, outputPath, firstUnrecognized);
        }

        // Last, and only once the file is in its final state: until this commits the database still reads as new.
        _ = await database.WriteAsync(
            async (transaction, ct) =>
            {
                await SinkStateTable.SaveCommittedLengthAsync(transaction, completeLength, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        Log.Reseeded(logger, records, indexed, outputPath, timeProvider.GetElapsedTime(started));
        return new ReseedResult(records, indexed, unrecognized, tornBytes);
    }

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
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Makes the output file and the committed length agree again after an interrupted emit: bytes past the committed
/// length are confirmed (complete lines of pending records) or cut (an incomplete last line), never written twice.
/// </summary>
internal sealed class OutputFileReconciler
{
    private const byte NewLine = (byte)'\n';

    private readonly HarvestDatabase _database;
    private readonly string _path;
    private readonly ILogger _logger;

    public OutputFileReconciler(HarvestDatabase database, string path, ILogger logger)
    {
        _database = database;
        _path = path;
        _logger = logger;
    }

    /// <summary>Returns how many pending records were found already written; leaves <paramref name="file"/> positioned at its end.</summary>
    public async Task<int> ReconcileAsync(FileStream file, CancellationToken cancellationToken)
    {
        var committed = await _database.ReadAsync(SinkStateTable.ReadCommittedLengthAsync, cancellationToken).ConfigureAwait(false);
        var length = file.Length;
        var recovered = 0;
        if (length < committed)
        {
            // Rotated or replaced by an operator: re-emitting from the start would duplicate everything downstream.
            Log.OutputShorterThanCommitted(_logger, _path, length, committed);
            await CommitAsync([], length).ConfigureAwait(false);
        }
        else if (length > committed)
        {
            recovered = await ConfirmTailAsync(file, committed, length, cancellationToken).ConfigureAwait(false);
        }

        _ = file.Seek(0, SeekOrigin.End);
        return recovered;
    }

    private async Task<int> ConfirmTailAsync(FileStream file, long committed, long length, CancellationToken cancellationToken)
    {
        var tail = new byte[length - committed];
        _ = file.Seek(committed, SeekOrigin.Begin);
        await file.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);

        var completeLength = tail.AsSpan().LastIndexOf(NewLine) + 1;
        if (completeLength < tail.Length)
        {
            // The record of a torn line is still pending in the outbox and is written again whole.
            Log.PartialLineTruncated(_logger, tail.Length - completeLength, _path);
            file.SetLength(committed + completeLength);
        }

        // The lines about to be confirmed were written by a round that never got to its fsync: make them durable before
        // the committed length moves past them.
        file.Flush(flushToDisk: true);

        var confirmed = await _database.ReadAsync(
            (connection, ct) => MatchPendingAsync(connection, tail.AsMemory(0, completeLength), committed, ct),
            cancellationToken).ConfigureAwait(false);

        // Only after the truncation is durable: a crash before this commit simply repeats the same reconciliation.
        await CommitAsync(confirmed, committed + completeLength).ConfigureAwait(false);
        if (confirmed.Count > 0)
        {
            Log.RecordsRecovered(_logger, confirmed.Count, _path);
        }

        return confirmed.Count;
    }

    /// <summary>For each complete line, the oldest pending outbox row of the same article not matched by an earlier line.</summary>
    private async Task<IReadOnlyCollection<long>> MatchPendingAsync(
        SqliteConnection connection,
        ReadOnlyMemory<byte> lines,
        long baseOffset,
        CancellationToken cancellationToken)
    {
        var matched = new HashSet<long>();
        var start = 0;
        while (start < lines.Length)
        {
            var end = start + lines.Span[start..].IndexOf(NewLine);
            var id = RecordId.TryRead(lines.Span[start..end]);
            var seq = id is null ? null : await FirstUnmatchedAsync(connection, id, matched, cancellationToken).ConfigureAwait(false);
            if (seq is { } value)
            {
                _ = matched.Add(value);
            }
            else
            {
                // Not ours to delete: keep the bytes and move past them rather than guess.
                Log.UnrecognizedLineKept(_logger, baseOffset + start, _path, id is null ? "not a record" : $"no pending record {id}");
            }

            start = end + 1;
        }

        return matched;
    }

    private static async Task<long?> FirstUnmatchedAsync(SqliteConnection connection, string id, HashSet<long> matched, CancellationToken cancellationToken)
    {
        foreach (var seq in await OutboxTable.PendingSeqsAsync(connection, id, cancellationToken).ConfigureAwait(false))
        {
            if (!matched.Contains(seq))
            {
                return seq;
            }
        }

        return null;
    }

    private Task<bool> CommitAsync(IReadOnlyCollection<long> confirmedSeqs, long committedLength) =>
        // Not cancellable: the file is already in the state this records.
        _database.WriteAsync(
            async (transaction, ct) =>
            {
                await OutboxTable.DeleteAsync(transaction, confirmedSeqs, ct).ConfigureAwait(false);
                await SinkStateTable.SaveCommittedLengthAsync(transaction, committedLength, ct).ConfigureAwait(false);
                return true;
            },
            CancellationToken.None);
}

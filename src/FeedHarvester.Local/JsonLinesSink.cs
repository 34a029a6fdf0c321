using System.Text;
using FeedHarvester.Emitting;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Appends claimed articles from the outbox to a JSON-lines file, one record per line, exactly once: each batch is
/// fsynced before the transaction that deletes its rows and records the file's new committed length, and every round
/// starts by reconciling the file with that length. A round that cannot write (a full disk) cuts what it wrote past
/// the committed length and returns an <see cref="EmitFailure"/>; its records stay queued.
/// </summary>
public sealed class JsonLinesSink : IArticleSink
{
    private readonly HarvestDatabase _database;
    private readonly OutputFileReconciler _reconciler;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _roundGate = new(1, 1);

    internal JsonLinesSink(HarvestDatabase database, string outputPath, int batchSize, ILogger<JsonLinesSink> logger)
    {
        _database = database;
        OutputPath = outputPath;
        _batchSize = batchSize;
        _logger = logger;
        _reconciler = new OutputFileReconciler(database, outputPath, logger);
    }

    public string OutputPath { get; }

    /// <summary>Tests set this to throw a simulated crash at a named step.</summary>
    internal Func<EmitStep, ValueTask>? FaultInjector { get; set; }

    /// <summary>Reconciles the output file with the committed length; returns records confirmed from an interrupted round.</summary>
    /// <remarks><see cref="EmitPendingAsync"/> does this itself; call it to recover before the first emit.</remarks>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await _roundGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var file = OpenOutput();
            return await _reconciler.ReconcileAsync(file, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _ = _roundGate.Release();
        }
    }

    public async Task<EmitResult> EmitPendingAsync(CancellationToken cancellationToken)
    {
        await _roundGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var emitted = 0;
        var recovered = 0;
        try
        {
            await using var file = OpenOutput();

            // Every round, not just the first: a failed earlier round or an operator's rotation may have changed the file.
            recovered = await _reconciler.ReconcileAsync(file, cancellationToken).ConfigureAwait(false);

            // Bounded by what was queued at the start, so a steady stream of claims cannot keep one call going forever.
            var upToSeq = await _database.ReadAsync(OutboxTable.MaxSeqAsync, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var batch = await _database.ReadAsync(
                    (connection, ct) => OutboxTable.ReadBatchAsync(connection, upToSeq, _batchSize, ct),
                    cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                await AppendBatchAsync(file, batch).ConfigureAwait(false);
                emitted += batch.Count;
            }

            if (emitted > 0)
            {
                Log.RecordsEmitted(_logger, emitted, OutputPath);
            }

            return new EmitResult(emitted, recovered);
        }
        catch (Exception ex) when (SinkFaults.Classify(ex) is { } kind)
        {
            // An operational fault, not a bug: what was committed stays, the rest stays queued for the pump's retries.
            return new EmitResult(emitted, recovered, new EmitFailure(kind, SinkFaults.Describe(kind, ex, OutputPath)));
        }
        finally
        {
            _ = _roundGate.Release();
        }
    }

    // Not cancellable once started: stopping between write and commit is safe but only costs a recovery.
    private async Task AppendBatchAsync(FileStream file, IReadOnlyList<OutboxRow> batch)
    {
        var committedLength = file.Position;
        try
        {
            foreach (var row in batch)
            {
                await WriteLineAsync(file, row.Record).ConfigureAwait(false);
            }

            await FaultAsync(EmitStep.BeforeFlush).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            CutBack(file, committedLength);
            throw;
        }

        await FaultAsync(EmitStep.BeforeCommit).ConfigureAwait(false);

        var newLength = file.Position;
        var lastSeq = batch[^1].Seq;
        _ = await _database.WriteAsync(
            async (transaction, ct) =>
            {
                await OutboxTable.DeleteUpToAsync(transaction, lastSeq, ct).ConfigureAwait(false);
                await SinkStateTable.SaveCommittedLengthAsync(transaction, newLength, ct).ConfigureAwait(false);
                await FaultAsync(EmitStep.InsideCommit).ConfigureAwait(false);
                return true;
            },
            CancellationToken.None).ConfigureAwait(false);
        await FaultAsync(EmitStep.AfterCommit).ConfigureAwait(false);
    }

    /// <summary>
    /// After a failed write (a full disk) the batch is not committed and its records are still queued, so every byte
    /// past the committed length goes, torn last line included: the file stays valid JSON lines while the disk is full.
    /// Truncating frees space and works on a full disk; if it fails too, the next round's reconciliation cuts the tail.
    /// </summary>
    private void CutBack(FileStream file, long committedLength)
    {
        try
        {
            var unconfirmed = file.Length - committedLength;
            if (unconfirmed > 0)
            {
                file.SetLength(committedLength);
                file.Flush(flushToDisk: true);
                Log.UnconfirmedTailCut(_logger, unconfirmed, OutputPath);
            }
        }
        catch (IOException)
        {
            // Left for the reconciliation that starts the next round.
        }
    }

    private async Task WriteLineAsync(FileStream file, string record)
    {
        var line = Encoding.UTF8.GetBytes(record + "\n");

        // Written in two halves so a test can stop between them and leave a torn line, as a kill -9 can.
        var half = line.Length / 2;
        await file.WriteAsync(line.AsMemory(0, half)).ConfigureAwait(false);
        await FaultAsync(EmitStep.MidLine).ConfigureAwait(false);
        await file.WriteAsync(line.AsMemory(half)).ConfigureAwait(false);
    }

    private ValueTask FaultAsync(EmitStep step) => FaultInjector?.Invoke(step) ?? ValueTask.CompletedTask;

    private FileStream OpenOutput()
    {
        var directory = Path.GetDirectoryName(OutputPath);
        if (!string.IsNullOrEmpty(directory))
        {
            _ = Directory.CreateDirectory(directory);
        }

        // FileShare.Read: consumers may tail the file while we append. Unbuffered: a write that fails (a full disk)
        // leaves nothing behind in a buffer for the close to write later, so the file holds exactly what was written.
        return new FileStream(OutputPath, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 0,
        });
    }
}

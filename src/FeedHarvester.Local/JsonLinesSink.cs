using System.Text;
using FeedHarvester.Emitting;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// Appends claimed articles from the outbox to a JSON-lines file, one record per line, exactly once: each batch is
/// fsynced before the transaction that deletes its rows and records the file's new committed length, and every round
/// starts by reconciling the file with that length.
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
        try
        {
            await using var file = OpenOutput();

            // Every round, not just the first: a failed earlier round or an operator's rotation may have changed the file.
            var recovered = await _reconciler.ReconcileAsync(file, cancellationToken).ConfigureAwait(false);

            // Bounded by what was queued at the start, so a steady stream of claims cannot keep one call going forever.
            var upToSeq = await _database.ReadAsync(OutboxTable.MaxSeqAsync, cancellationToken).ConfigureAwait(false);
            var emitted = 0;
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
        finally
        {
            _ = _roundGate.Release();
        }
    }

    // Not cancellable once started: stopping between write and commit is safe but only costs a recovery.
    private async Task AppendBatchAsync(FileStream file, IReadOnlyList<OutboxRow> batch)
    {
        foreach (var row in batch)
        {
            await WriteLineAsync(file, row.Record).ConfigureAwait(false);
        }

        await FaultAsync(EmitStep.BeforeFlush).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
        await FaultAsync(EmitStep.BeforeCommit).ConfigureAwait(false);

        var committedLength = file.Position;
        var lastSeq = batch[^1].Seq;
        _ = await _database.WriteAsync(
            async (transaction, ct) =>
            {
                await OutboxTable.DeleteUpToAsync(transaction, lastSeq, ct).ConfigureAwait(false);
                await SinkStateTable.SaveCommittedLengthAsync(transaction, committedLength, ct).ConfigureAwait(false);
                await FaultAsync(EmitStep.InsideCommit).ConfigureAwait(false);
                return true;
            },
            CancellationToken.None).ConfigureAwait(false);
        await FaultAsync(EmitStep.AfterCommit).ConfigureAwait(false);
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

        // FileShare.Read: consumers may tail the file while we append.
        return new FileStream(OutputPath, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 64 * 1024,
        });
    }
}

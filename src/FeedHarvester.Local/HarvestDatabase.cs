using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedHarvester.Local;

/// <summary>
/// The SQLite file shared by the store and the sink: one write connection behind a gate (so write work runs one
/// piece at a time and in order) and pooled read-only connections for cheap concurrent reads.
/// </summary>
/// <remarks>
/// Writes are group-committed: work queued while a commit is under way runs in the next transaction together, each
/// piece inside its own savepoint, so one fsync covers many claims. A piece that throws is rolled back to its
/// savepoint alone and its caller gets the exception; a failed commit fails every piece of the batch. Each caller
/// still returns only once its own work is durably committed, so a claim's keys and outbox row stay all-or-nothing.
/// Neither the fsync (<see cref="WalFileSync"/>, after the gate is released) nor checkpoints (<see cref="WalCheckpointer"/>,
/// on a connection of its own) hold the gate, so the writer spends its turn on SQL only.
/// </remarks>
internal sealed class HarvestDatabase : IDisposable
{
    /// <summary>Most pieces of work committed in one transaction, so one batch cannot hold the writer for long.</summary>
    private const int MaxBatch = 256;

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<IPendingWrite> _queued = new();
    private readonly string _readConnectionString;
    private readonly IWalSync _walSync;
    private readonly WalCheckpointer _checkpointer;

    private HarvestDatabase(SqliteConnection writer, string readConnectionString, int schemaVersion, IWalSync walSync, WalCheckpointer checkpointer)
    {
        _writer = writer;
        _readConnectionString = readConnectionString;
        SchemaVersion = schemaVersion;
        _walSync = walSync;
        _checkpointer = checkpointer;
    }

    public int SchemaVersion { get; }

    /// <param name="walSync">How committed log frames are made durable; the log file's fsync unless a test replaces it.</param>
    public static HarvestDatabase Open(string path, TimeSpan busyTimeout, ILogger? logger = null, IWalSync? walSync = null)
    {
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        var writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        var readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
            DefaultTimeout = timeoutSeconds,
        }.ToString();

        var writer = new SqliteConnection(writeConnectionString);
        IWalSync? ownedSync = null;
        try
        {
            writer.Open();
            Execute(writer, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};"));
            Execute(writer, Pragmas.WriterSetup);
            var version = SchemaMigrator.Migrate(writer, path);
            ownedSync = walSync ?? new WalFileSync(path);
            ownedSync.Flush();
            return new HarvestDatabase(writer, readConnectionString, version, ownedSync, WalCheckpointer.Start(path, logger ?? NullLogger.Instance));
        }
        catch
        {
            ownedSync?.Dispose();
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a BEGIN IMMEDIATE transaction (in a savepoint of its own, possibly beside
    /// other callers' work) and returns once that transaction is committed and on disk. Work that throws changes nothing.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        _queued.Enqueue(pending);
        while (pending.IsQueued)
        {
            try
            {
                await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (pending.TryWithdraw())
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                // Another caller's batch already took this work: its outcome is only moments away.
                break;
            }

            IReadOnlyList<IPendingWrite> committed;
            try
            {
                // The previous holder may have taken this work already; otherwise this caller commits a batch.
                committed = pending.IsQueued ? await CommitQueuedAsync().ConfigureAwait(false) : [];
            }
            finally
            {
                _ = _writeGate.Release();
            }

            if (committed.Count > 0)
            {
                // Outside the gate: the next batch runs its SQL meanwhile. Answered only once durable.
                AcknowledgeDurable(committed);
            }
        }

        return await pending.Result.ConfigureAwait(false);
    }

    // Called with the gate held: takes what is queued (this caller's work among it) and commits it as one transaction;
    // returns the pieces that succeeded, to be answered once the commit is durable.
    private async Task<IReadOnlyList<IPendingWrite>> CommitQueuedAsync()
    {
        var batch = new List<IPendingWrite>();
        while (batch.Count < MaxBatch && _queued.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return [];
        }

        var done = new List<IPendingWrite>(batch.Count);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            foreach (var piece in batch)
            {
                transaction.Save(Savepoint);
                if (await piece.RunAsync(transaction).ConfigureAwait(false))
                {
                    transaction.Release(Savepoint);
                    done.Add(piece);
                }
                else
                {
                    transaction.Rollback(Savepoint);
                    transaction.Release(Savepoint);
                }
            }

            transaction.Commit();
            _checkpointer.NoteCommit();
        }
        catch (Exception ex)
        {
            // The transaction itself failed (begin, a savepoint, the commit): nothing of the batch was written.
            foreach (var piece in batch)
            {
                piece.Fail(ex);
            }

            return [];
        }

        return done;
    }

    private void AcknowledgeDurable(IReadOnlyList<IPendingWrite> committed)
    {
        try
        {
            _walSync.Flush();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Committed but maybe not durable: the callers fail, as they would had the commit's own sync failed.
            foreach (var piece in committed)
            {
                piece.Fail(ex);
            }

            return;
        }

        foreach (var piece in committed)
        {
            piece.Complete();
        }
    }

    private const string Savepoint = "piece";

    /// <summary>Runs <paramref name="work"/> on a pooled read-only connection; WAL lets it run beside a writer.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        // Idle pooled readers would otherwise keep the file open after the lock is released.
        using (var probe = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(probe);
        }

        // The writer is closed last so SQLite checkpoints the WAL back into the main file.
        _checkpointer.Dispose();
        _writer.Dispose();
        _walSync.Dispose();
        _writeGate.Dispose();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        _ = command.ExecuteNonQuery();
    }

    private interface IPendingWrite
    {
        /// <summary>Claims the work for a batch; false when its caller withdrew it first.</summary>
        bool TryTake();

        /// <summary>Neither taken by a batch nor withdrawn.</summary>
        bool IsQueued { get; }

        /// <summary>Runs the work; false when it threw (the exception is kept for its caller).</summary>
        Task<bool> RunAsync(SqliteTransaction transaction);

        /// <summary>The batch was committed: hands the work's result to its caller.</summary>
        void Complete();

        void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IPendingWrite
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;

        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;
        private T? _value;

        public Task<T> Result => _outcome.Task;

        public bool IsQueued => Volatile.Read(ref _state) == Queued;

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        /// <summary>Gives up work no batch has taken yet; false when one has (the caller then waits for its outcome).</summary>
        public bool TryWithdraw()
        {
            if (Interlocked.CompareExchange(ref _state, Withdrawn, Queued) != Queued)
            {
                return false;
            }

            _ = _outcome.TrySetCanceled(cancellationToken);
            return true;
        }

        public async Task<bool> RunAsync(SqliteTransaction transaction)
        {
            try
            {
                _value = await work(transaction, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex)
            {
                _ = _outcome.TrySetException(ex);
                return false;
            }
        }

        public void Complete() => _outcome.TrySetResult(_value!);

        public void Fail(Exception exception) => _outcome.TrySetException(exception);
    }

    private static class Pragmas
    {
        // WAL: readers never block the writer. NORMAL: a commit writes its frames without an fsync; WalFileSync adds it
        // before any caller is answered, so an acknowledged claim or emit confirmation still survives power loss, which
        // the exactly-once bookkeeping needs. wal_autocheckpoint: only a backstop behind WalCheckpointer.
        // temp_store MEMORY: every piece of a group commit runs in a savepoint, whose journal (the original of each page
        // the piece changes, ~40 pages for a claim with the near-copy index) otherwise spills to a temporary file once
        // past 64 KiB; kept in memory it saves the single writer about a third of its CPU per claim.
        public static readonly string WriterSetup = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = {WalCheckpointer.WriterBackstopPages};");
    }
}

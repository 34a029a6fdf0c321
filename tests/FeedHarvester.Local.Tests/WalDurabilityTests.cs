using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local.Tests;

public sealed class WalDurabilityTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TempDataDirectory _directory = new();
    private readonly GatedWalSync _sync;
    private readonly HarvestDatabase _database;

    public WalDurabilityTests()
    {
        DatabasePath = Path.Combine(_directory.Path, "test.db");
        _sync = new GatedWalSync(new WalFileSync(DatabasePath));
        _database = HarvestDatabase.Open(DatabasePath, TimeSpan.FromSeconds(5), walSync: _sync);
        _ = _database.WriteAsync((tx, ct) => Execute(tx, "CREATE TABLE t (x INTEGER NOT NULL)", ct), CancellationToken.None).GetAwaiter().GetResult();
    }

    private string DatabasePath { get; }

    [Fact]
    public async Task WriteAsync_AnswersOnlyAfterTheLogIsSynced_WhileTheNextBatchAlreadyRuns()
    {
        _sync.Hold();
        // Run apart from the test thread: the sync blocks the thread of the caller that committed the batch.
        var first = Task.Run(() => _database.WriteAsync((tx, ct) => Execute(tx, "INSERT INTO t VALUES (1)", ct), CancellationToken.None));
        Assert.True(_sync.WaitUntilHeld(Patience), "the first write never reached its sync");

        var secondRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = Task.Run(() => _database.WriteAsync(async (tx, ct) =>
        {
            var rows = await Execute(tx, "INSERT INTO t VALUES (2)", ct);
            secondRan.SetResult();
            return rows;
        }, CancellationToken.None));

        // The write gate is free while the first batch syncs, so the second batch's SQL runs meanwhile...
        await secondRan.Task.WaitAsync(Patience);

        // ...but neither caller is answered before the log is durable.
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        _sync.Release();
        _ = await first.WaitAsync(Patience);
        _ = await second.WaitAsync(Patience);
        Assert.Equal(2, _sync.Syncs);
    }

    [Fact]
    public async Task WriteAsync_LogSyncFails_CallerGetsTheError()
    {
        _sync.FailNext(new IOException("simulated fsync failure"));

        var failed = await Assert.ThrowsAsync<IOException>(
            () => _database.WriteAsync((tx, ct) => Execute(tx, "INSERT INTO t VALUES (1)", ct), CancellationToken.None));

        Assert.Equal("simulated fsync failure", failed.Message);
        _ = await _database.WriteAsync((tx, ct) => Execute(tx, "INSERT INTO t VALUES (2)", ct), CancellationToken.None);
    }

    [Fact]
    public async Task CommittedWrites_ReachTheDatabaseFile_WithoutTheWriterCheckpointing()
    {
        for (var i = 0; i < 50; i++)
        {
            _ = await _database.WriteAsync((tx, ct) => Execute(tx, $"INSERT INTO t VALUES ({i})", ct), CancellationToken.None);
        }

        // immutable=1 reads the main file alone, ignoring the log: rows show there only once checkpointed. The writer's
        // own automatic checkpoint is far above these few pages, so only the background checkpointer can put them there.
        var waited = Stopwatch.StartNew();
        long inFile;
        while ((inFile = CountInMainFile()) < 50 && waited.Elapsed < Patience)
        {
            await Task.Delay(50);
        }

        Assert.Equal(50, inFile);
    }

    public void Dispose()
    {
        _sync.Release();
        _database.Dispose();
        _directory.Dispose();
    }

    private long CountInMainFile()
    {
        var copy = Path.Combine(_directory.Path, $"snapshot-{Guid.NewGuid():N}.db");
        File.Copy(DatabasePath, copy);
        using var connection = new SqliteConnection($"Data Source=file:{copy}?immutable=1;Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 't'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT count(*) FROM t";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<int> Execute(SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The real log sync behind a gate the test opens, counting the syncs made while held.
    private sealed class GatedWalSync(IWalSync inner) : IWalSync
    {
        private readonly ManualResetEventSlim _open = new(initialState: true);
        private readonly ManualResetEventSlim _reached = new();
        private Exception? _nextFailure;
        private int _syncs;

        public int Syncs => Volatile.Read(ref _syncs);

        public void Hold()
        {
            _syncs = 0;
            _reached.Reset();
            _open.Reset();
        }

        public bool WaitUntilHeld(TimeSpan timeout) => _reached.Wait(timeout);

        public void Release() => _open.Set();

        public void FailNext(Exception failure) => _nextFailure = failure;

        public void Flush()
        {
            if (Interlocked.Exchange(ref _nextFailure, null) is { } failure)
            {
                throw failure;
            }

            _ = Interlocked.Increment(ref _syncs);
            _reached.Set();
            _ = _open.Wait(Patience);
            inner.Flush();
        }

        public void Dispose()
        {
            inner.Dispose();
            _open.Dispose();
            _reached.Dispose();
        }
    }
}

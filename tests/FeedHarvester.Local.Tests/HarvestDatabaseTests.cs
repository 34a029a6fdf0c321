using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local.Tests;

public sealed class HarvestDatabaseTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();
    private readonly HarvestDatabase _database;

    public HarvestDatabaseTests()
    {
        _database = HarvestDatabase.Open(Path.Combine(_directory.Path, "test.db"), TimeSpan.FromSeconds(5));
        _ = _database.WriteAsync((tx, ct) => Execute(tx, "CREATE TABLE t (x INTEGER NOT NULL)", ct), CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task WriteAsync_WorkQueuedDuringACommit_CommittedTogetherInOneTransaction()
    {
        var (blocker, release) = HoldWriter();
        var transactions = new List<SqliteTransaction>();
        var queued = Enumerable.Range(1, 20).Select(i => _database.WriteAsync(async (tx, ct) =>
        {
            lock (transactions)
            {
                transactions.Add(tx);
            }

            return await Execute(tx, $"INSERT INTO t VALUES ({i})", ct);
        }, CancellationToken.None)).ToList();

        release.SetResult();
        await blocker;
        await Task.WhenAll(queued);

        Assert.Single(transactions.Distinct());
        Assert.Equal(20, await CountAsync());
    }

    [Fact]
    public async Task WriteAsync_OnePieceOfABatchThrows_OnlyItsChangesRolledBackAndOnlyItsCallerFails()
    {
        var (blocker, release) = HoldWriter();
        var good = _database.WriteAsync((tx, ct) => Execute(tx, "INSERT INTO t VALUES (1)", ct), CancellationToken.None);
        var bad = _database.WriteAsync<int>(async (tx, ct) =>
        {
            _ = await Execute(tx, "INSERT INTO t VALUES (2)", ct);
            throw new InvalidOperationException("simulated failure after a write");
        }, CancellationToken.None);
        var alsoGood = _database.WriteAsync((tx, ct) => Execute(tx, "INSERT INTO t VALUES (3)", ct), CancellationToken.None);

        release.SetResult();
        await blocker;

        _ = await good;
        _ = await alsoGood;
        _ = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal([1L, 3L], await ValuesAsync());
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_NeverRuns()
    {
        var (blocker, release) = HoldWriter();
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var withdrawn = _database.WriteAsync((tx, ct) =>
        {
            ran = true;
            return Execute(tx, "INSERT INTO t VALUES (9)", ct);
        }, cancel.Token);

        await cancel.CancelAsync();
        _ = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        release.SetResult();
        await blocker;

        Assert.False(ran);
        Assert.Equal(0, await CountAsync());
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    // A write whose work waits until released, so everything queued meanwhile forms the next batch.
    private (Task Blocker, TaskCompletionSource Release) HoldWriter()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = _database.WriteAsync(async (tx, ct) =>
        {
            started.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None);
        started.Task.Wait(TimeSpan.FromSeconds(10));
        return (blocker, release);
    }

    private static async Task<int> Execute(SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> CountAsync() => (await ValuesAsync()).Count;

    private Task<List<long>> ValuesAsync() => _database.ReadAsync(async (connection, ct) =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT x FROM t ORDER BY x";
        var values = new List<long>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }, CancellationToken.None);
}

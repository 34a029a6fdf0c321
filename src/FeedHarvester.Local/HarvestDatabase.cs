using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>
/// The SQLite file shared by the store and the sink: one write connection behind a gate (so every write
/// transaction runs alone and in order) and pooled read-only connections for cheap concurrent reads.
/// </summary>
internal sealed class HarvestDatabase : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _readConnectionString;

    private HarvestDatabase(SqliteConnection writer, string readConnectionString, int schemaVersion)
    {
        _writer = writer;
        _readConnectionString = readConnectionString;
        SchemaVersion = schemaVersion;
    }

    public int SchemaVersion { get; }

    public static HarvestDatabase Open(string path, TimeSpan busyTimeout)
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
        try
        {
            writer.Open();
            Execute(writer, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};"));
            Execute(writer, Pragmas.WriterSetup);
            var version = SchemaMigrator.Migrate(writer, path);
            return new HarvestDatabase(writer, readConnectionString, version);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one BEGIN IMMEDIATE transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _writer.BeginTransaction(deferred: false);
            var result = await work(transaction, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        finally
        {
            _ = _writeGate.Release();
        }
    }

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

        // Closed last so SQLite checkpoints the WAL back into the main file.
        _writer.Dispose();
        _writeGate.Dispose();
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        _ = command.ExecuteNonQuery();
    }

    private static class Pragmas
    {
        // WAL: readers never block the writer. FULL: a commit (a claim, an emit confirmation) survives power loss,
        // which the exactly-once bookkeeping needs; it is per connection, so it is set on the only writer.
        public const string WriterSetup = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
    }
}

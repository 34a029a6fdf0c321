using FeedHarvester.Deduplication;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// The embedded default back end, opened as one unit: the data-directory and output locks, the SQLite database, the
/// <see cref="SqliteHarvestStore"/> (feed state, dedupe) and the <see cref="JsonLinesSink"/>. Disposing closes all of them.
/// </summary>
public sealed class LocalStore : IDisposable
{
    private readonly StoreLocks _locks;
    private readonly HarvestDatabase _database;

    private LocalStore(StoreLocks locks, HarvestDatabase database, SqliteHarvestStore store, JsonLinesSink sink)
    {
        _locks = locks;
        _database = database;
        Store = store;
        Sink = sink;
    }

    public SqliteHarvestStore Store { get; }

    public JsonLinesSink Sink { get; }

    /// <summary>
    /// Takes the data-directory and output locks, opens (or creates and migrates) the
    /// database, and refuses a new database beside an output that holds records unless it re-seeds from it.
    /// </summary>
    /// <param name="options">Valid options (<see cref="LocalStoreOptionsValidator"/>, which the worker runs at start-up).</param>
    /// <param name="keyBuilder">The claims' key builder, used to re-seed from the output; default: one with default deduplication options.</param>
    /// <exception cref="LocalStoreException">The store cannot be opened; <see cref="LocalStoreException.Fault"/> says why.</exception>
    public static LocalStore Open(LocalStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory, DedupeKeyBuilder? keyBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var locks = StoreLocks.Acquire(options);
        try
        {
            LostStateGuard.RefuseBeforeOpen(options);
            var sinkLogger = loggerFactory.CreateLogger<JsonLinesSink>();
            var database = OpenDatabase(options, loggerFactory);
            try
            {
                LostStateGuard.CheckOpened(database, options, keyBuilder ?? new DedupeKeyBuilder(new DeduplicationOptions()), timeProvider, sinkLogger);
                var store = new SqliteHarvestStore(database, timeProvider, loggerFactory.CreateLogger<SqliteHarvestStore>());
                var sink = new JsonLinesSink(database, options.ResolvedOutputPath, options.EmitBatchSize, sinkLogger);
                Log.StoreOpened(sinkLogger, options.DatabasePath, database.SchemaVersion, options.ResolvedOutputPath);
                return new LocalStore(locks, database, store, sink);
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }
        catch
        {
            locks.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _database.Dispose();

        // Released last, so no other process can open the database or append to the output while this one still may.
        _locks.Dispose();
    }

    private static HarvestDatabase OpenDatabase(LocalStoreOptions options, ILoggerFactory loggerFactory)
    {
        try
        {
            return HarvestDatabase.Open(options.DatabasePath, options.BusyTimeout, loggerFactory.CreateLogger<HarvestDatabase>());
        }
        catch (SqliteException ex) when (StoreFaults.FromSqlite(ex, options.DatabasePath, options.ResolvedOutputPath) is { } fault)
        {
            throw fault;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            // Only the log's own handle is opened outside SQLite (WalFileSync).
            throw StoreFaults.WalNotWritable(options.DatabasePath, ex);
        }
    }
}

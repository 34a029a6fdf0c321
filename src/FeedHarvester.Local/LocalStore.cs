using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Local;

/// <summary>
/// The embedded default back end, opened as one unit: the data-directory lock, the SQLite database, the
/// <see cref="SqliteHarvestStore"/> (feed state, dedupe) and the <see cref="JsonLinesSink"/>. Disposing closes all of them.
/// </summary>
public sealed class LocalStore : IDisposable
{
    private readonly DataDirectoryLock _lock;
    private readonly HarvestDatabase _database;

    private LocalStore(DataDirectoryLock directoryLock, HarvestDatabase database, SqliteHarvestStore store, JsonLinesSink sink)
    {
        _lock = directoryLock;
        _database = database;
        Store = store;
        Sink = sink;
    }

    public SqliteHarvestStore Store { get; }

    public JsonLinesSink Sink { get; }

    /// <summary>Validates <paramref name="options"/>, takes the data-directory lock and opens (or creates and migrates) the database.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="LocalStoreException">Another process holds the data directory, or the database is from a newer version.</exception>
    public static LocalStore Open(LocalStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var errors = LocalStoreOptionsValidator.Collect(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(LocalStoreOptions), errors);
        }

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        _ = Directory.CreateDirectory(dataDirectory);
        var directoryLock = DataDirectoryLock.Acquire(options.LockPath, dataDirectory);
        try
        {
            var database = HarvestDatabase.Open(options.DatabasePath, options.BusyTimeout, loggerFactory.CreateLogger<HarvestDatabase>());
            var store = new SqliteHarvestStore(database, timeProvider, loggerFactory.CreateLogger<SqliteHarvestStore>());
            var sinkLogger = loggerFactory.CreateLogger<JsonLinesSink>();
            var sink = new JsonLinesSink(database, options.ResolvedOutputPath, options.EmitBatchSize, sinkLogger);
            Log.StoreOpened(sinkLogger, options.DatabasePath, database.SchemaVersion, options.ResolvedOutputPath);
            return new LocalStore(directoryLock, database, store, sink);
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _database.Dispose();

        // Released last, so no other process can open the database while this one still has it open.
        _lock.Dispose();
    }
}

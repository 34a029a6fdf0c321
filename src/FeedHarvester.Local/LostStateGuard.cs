using FeedHarvester.Deduplication;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>
/// A new database beside an output file that already holds records means the state was lost (deleted, emptied or
/// replaced): starting anyway would emit every article again. Such a start is refused, or with
/// <see cref="LocalStoreOptions.ReseedFromOutput"/> the seen keys are rebuilt from the output first.
/// </summary>
internal static class LostStateGuard
{
    /// <summary>Refuses before the database is opened, so a refused start creates no file; the database check follows.</summary>
    public static void RefuseBeforeOpen(LocalStoreOptions options)
    {
        var database = new FileInfo(options.DatabasePath);
        var databaseIsNew = !database.Exists || database.Length == 0;
        if (databaseIsNew && !options.ReseedFromOutput && OutputLength(options) is > 0 and var length)
        {
            throw StoreFaults.StateMissing(options.DatabasePath, options.ResolvedOutputPath, length);
        }
    }

    /// <summary>Refuses, re-seeds, or (the usual case: a store with its state, or no output yet) does nothing.</summary>
    public static void CheckOpened(HarvestDatabase database, LocalStoreOptions options, DedupeKeyBuilder keyBuilder, TimeProvider timeProvider, ILogger logger)
    {
        var length = OutputLength(options);
        var neverEmitted = Run(options, () => database.ReadAsync(SinkStateTable.HasNeverEmittedAsync, CancellationToken.None));
        if (!neverEmitted)
        {
            if (options.ReseedFromOutput)
            {
                Log.ReseedNotNeeded(logger, options.DatabasePath);
            }

            return;
        }

        if (length == 0)
        {
            return;
        }

        if (!options.ReseedFromOutput)
        {
            throw StoreFaults.StateMissing(options.DatabasePath, options.ResolvedOutputPath, length);
        }

        var reseeder = new OutputReseeder(database, keyBuilder, timeProvider, logger);
        _ = Run(options, () => reseeder.ReseedAsync(options.ResolvedOutputPath, CancellationToken.None));
    }

    private static long OutputLength(LocalStoreOptions options)
    {
        var output = new FileInfo(options.ResolvedOutputPath);
        return output.Exists ? output.Length : 0;
    }

    // Start-up runs synchronously (the store is built by a service factory); SQLite's calls complete synchronously anyway.
    private static T Run<T>(LocalStoreOptions options, Func<Task<T>> work)
    {
        try
        {
            return work().GetAwaiter().GetResult();
        }
        catch (SqliteException ex) when (StoreFaults.FromSqlite(ex, options.DatabasePath, options.ResolvedOutputPath) is { } fault)
        {
            throw fault;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw StoreFaults.OutputFileNotWritable(options.ResolvedOutputPath, ex);
        }
    }
}

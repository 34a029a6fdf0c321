using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>The one-line start-up failures of the local store, each naming the file or directory and what to do.</summary>
internal static class StoreFaults
{
    // Primary SQLite result codes (https://sqlite.org/rescode.html) that mean the file cannot be used as it is.
    private const int SqlitePerm = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADb = 26;

    /// <summary>The operating system's words for a file failure ("Permission denied", "Read-only file system").</summary>
    public static string Reason(Exception exception)
    {
        var message = exception is UnauthorizedAccessException { InnerException: IOException inner } ? inner.Message : exception.Message;

        // .NET appends " : 'path'" to the system's words; the line names the path itself.
        var pathSuffix = message.IndexOf(" : '", StringComparison.Ordinal);
        return (pathSuffix > 0 ? message[..pathSuffix] : message).TrimEnd('.');
    }

    /// <param name="problem">"is not writable (reason)" or "cannot be created (reason)".</param>
    public static string DataDirectoryNotWritable(string dataDirectory, string problem) =>
        $"Data directory \"{dataDirectory}\" {problem}. " +
        "Give the worker's user write access to it, or choose another DataDirectory (--data-dir).";

    /// <param name="problem">"is not writable (reason)" or "cannot be created (reason)".</param>
    public static string OutputDirectoryNotWritable(string outputPath, string problem) =>
        $"Output directory \"{Path.GetDirectoryName(outputPath)}\" {problem}, so \"{outputPath}\" cannot be written. " +
        "Give the worker's user write access to it, or choose another OutputPath (--output).";

    public static LocalStoreException OutputFileNotWritable(string outputPath, Exception exception) => new(
        LocalStoreFault.NotWritable,
        $"Output file \"{outputPath}\" is not writable ({Reason(exception)}). " +
        "Give the worker's user write access to it, or choose another OutputPath (--output).",
        exception);

    public static LocalStoreException WalNotWritable(string databasePath, Exception exception) => new(
        LocalStoreFault.NotWritable,
        $"Database log \"{databasePath}-wal\" cannot be opened for writing ({Reason(exception)}). " +
        "Give the worker's user write access to it and its directory.",
        exception);

    public static LocalStoreException StateMissing(string databasePath, string outputPath, long outputLength) => new(
        LocalStoreFault.StateMissing,
        $"Output file \"{outputPath}\" holds {outputLength} bytes of articles, but the database \"{databasePath}\" is new " +
        "(deleted, emptied or replaced), so every article would be emitted again. Restore the database from a backup, " +
        "point OutputPath (--output) at a new file, or start with --reseed-from-output (Storage:ReseedFromOutput) " +
        "to rebuild the seen keys from the output file.");

    /// <summary>The store-level meaning of a SQLite failure while opening, or null for one that is a bug.</summary>
    public static LocalStoreException? FromSqlite(SqliteException exception, string databasePath, string outputPath)
    {
        var reason = exception.Message.TrimEnd('.');
        return exception.SqliteErrorCode switch
        {
            SqliteNotADb or SqliteCorrupt => new LocalStoreException(
                LocalStoreFault.DatabaseUnreadable,
                $"Database \"{databasePath}\" is not a readable SQLite database ({reason}). Move it aside, then restore it " +
                $"from a backup or start with --reseed-from-output to rebuild the seen keys from \"{outputPath}\".",
                exception),
            SqliteReadOnly or SqliteCantOpen or SqlitePerm or SqliteIoErr or SqliteFull => new LocalStoreException(
                LocalStoreFault.NotWritable,
                $"Database \"{databasePath}\" cannot be opened for writing ({reason}). " +
                "Give the worker's user write access to it and its directory, or free disk space.",
                exception),
            SqliteBusy or SqliteLocked => new LocalStoreException(
                LocalStoreFault.InUse,
                $"Database \"{databasePath}\" is locked by another program ({reason}). Close the program holding it.",
                exception),
            _ => null,
        };
    }
}

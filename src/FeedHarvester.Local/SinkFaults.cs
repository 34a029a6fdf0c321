using FeedHarvester.Emitting;
using Microsoft.Data.Sqlite;

namespace FeedHarvester.Local;

/// <summary>Which exceptions of an emit round are operational faults (returned as an <see cref="EmitFailure"/>), and how they read.</summary>
internal static class SinkFaults
{
    /// <summary>The kind of an expected fault, or null for anything else (a bug, left to propagate).</summary>
    public static EmitFailureKind? Classify(Exception exception) => exception switch
    {
        // Disk full, I/O error, directory gone, read-only file system, permission denied.
        IOException or UnauthorizedAccessException => EmitFailureKind.OutputNotWritable,

        // The outbox or the committed length could not be read or saved (the database's own disk is full, say).
        SqliteException => EmitFailureKind.QueueNotWritable,
        _ => null,
    };

    /// <summary>One line naming the file; the runtime's I/O messages usually name it too, SQLite's never do.</summary>
    public static string Describe(EmitFailureKind kind, Exception exception, string outputPath) => kind switch
    {
        EmitFailureKind.QueueNotWritable => $"the queue of articles for {outputPath} could not be updated: {exception.Message}",
        _ => exception.Message.Contains(outputPath, StringComparison.Ordinal) ? exception.Message : $"{outputPath}: {exception.Message}",
    };
}

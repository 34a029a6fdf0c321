namespace FeedHarvester.Local;

/// <summary>Why the local store cannot be opened: a stable code for the caller (the worker maps each to an exit code).</summary>
public enum LocalStoreFault
{
    /// <summary>Another FeedHarvester process holds the data directory or the output file.</summary>
    InUse,

    /// <summary>The data directory, the database or the output file cannot be written (permissions, read-only file system, disk full).</summary>
    NotWritable,

    /// <summary>The database file is not a readable SQLite database (corrupt, truncated, or another kind of file).</summary>
    DatabaseUnreadable,

    /// <summary>The database was written by a newer release, with a schema this one does not know.</summary>
    DatabaseTooNew,

    /// <summary>The output file holds articles but the database is new (deleted, emptied or replaced): every article would be emitted again.</summary>
    StateMissing,
}

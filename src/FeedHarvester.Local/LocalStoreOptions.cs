namespace FeedHarvester.Local;

/// <summary>Where the embedded store keeps its database, lock and JSON-lines output.</summary>
public sealed class LocalStoreOptions
{
    /// <summary>Directory holding the database and the lock file. The default value is "./data".</summary>
    public string DataDirectory { get; set; } = LocalStoreDefaults.DataDirectory;

    /// <summary>The JSON-lines output file. The default value (null) means "&lt;DataDirectory&gt;/articles.jsonl".</summary>
    public string? OutputPath { get; set; }

    /// <summary>How long a statement waits for a lock held by another connection. The default value is 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = LocalStoreDefaults.BusyTimeout;

    /// <summary>
    /// How long seen keys and near-copy index entries are kept; the service purges older ones every hour. An article
    /// re-published after its keys are gone is emitted again, so keep it longer than any feed keeps an item. The default
    /// value is 90 days.
    /// </summary>
    public TimeSpan SeenKeyRetention { get; set; } = LocalStoreDefaults.SeenKeyRetention;

    /// <summary>
    /// When the database is new (deleted, emptied or replaced) but the output file holds records, rebuild the seen keys
    /// and the near-copy index from the output before the first claim, so nothing in it is emitted again. Without it
    /// such a start is refused. A store that has its state is left alone, so it can stay set. The default value is false.
    /// </summary>
    public bool ReseedFromOutput { get; set; }

    /// <summary>Records written and committed per emit round trip. The default value is 256.</summary>
    public int EmitBatchSize { get; set; } = LocalStoreDefaults.EmitBatchSize;

    /// <summary>Absolute path of the output file. Only meaningful once the options are valid.</summary>
    public string ResolvedOutputPath =>
        Path.GetFullPath(OutputPath ?? Path.Combine(DataDirectory, LocalStoreDefaults.OutputFileName));

    /// <summary>Absolute path of the SQLite database. Only meaningful once the options are valid.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, LocalStoreDefaults.DatabaseFileName));

    /// <summary>Absolute path of the process lock file. Only meaningful once the options are valid.</summary>
    public string LockPath => Path.GetFullPath(Path.Combine(DataDirectory, LocalStoreDefaults.LockFileName));

    /// <summary>
    /// Absolute path of the lock file beside the output (".articles.jsonl.lock"), held so no other worker appends to the
    /// same output. Hidden, so a consumer collecting "articles.jsonl*" (the file and its rotations) does not pick it up.
    /// </summary>
    public string OutputLockPath
    {
        get
        {
            var output = ResolvedOutputPath;
            return Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + ".lock");
        }
    }
}

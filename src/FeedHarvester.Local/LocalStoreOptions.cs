using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Local;

/// <summary>
/// Where the embedded store keeps its database, lock and JSON-lines output. Section FeedHarvester:Storage. Validated by
/// <see cref="LocalStoreOptionsValidator"/> (attributes, and <see cref="Validate"/> for the path rules).
/// </summary>
public sealed class LocalStoreOptions : IValidatableObject
{
    /// <summary>Directory holding the database and the lock file. The default value is "./data".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = OptionsPath.MustBeSet)]
    public string DataDirectory { get; set; } = LocalStoreDefaults.DataDirectory;

    /// <summary>The JSON-lines output file. The default value (null) means "&lt;DataDirectory&gt;/articles.jsonl".</summary>
    public string? OutputPath { get; set; }

    /// <summary>How long a statement waits for a lock held by another connection. The default value is 5 seconds.</summary>
    [DurationRange("1ms", "10m")]
    public TimeSpan BusyTimeout { get; set; } = LocalStoreDefaults.BusyTimeout;

    /// <summary>
    /// How long seen keys and near-copy index entries are kept; the service purges older ones every hour. An article
    /// re-published after its keys are gone is emitted again, so keep it longer than any feed keeps an item. The default
    /// value is 90 days.
    /// </summary>
    [DurationRange("1h", "3650d")]
    public TimeSpan SeenKeyRetention { get; set; } = LocalStoreDefaults.SeenKeyRetention;

    /// <summary>
    /// When the database is new (deleted, emptied or replaced) but the output file holds records, rebuild the seen keys
    /// and the near-copy index from the output before the first claim, so nothing in it is emitted again. Without it
    /// such a start is refused. A store that has its state is left alone, so it can stay set. The default value is false.
    /// </summary>
    public bool ReseedFromOutput { get; set; }

    /// <summary>Records written and committed per emit round trip. The default value is 256.</summary>
    [Between(1, LocalStoreDefaults.MaxEmitBatchSize)]
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

    /// <summary>The path rules: a data directory and output that are paths, an output that is a file and none of the store's own.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var dataDirectoryValid = !string.IsNullOrWhiteSpace(DataDirectory);
        if (dataDirectoryValid && HasInvalidPathChars(DataDirectory))
        {
            dataDirectoryValid = false;
            yield return OptionsPath.Error(validationContext, nameof(DataDirectory), $"contains characters not valid in a path: \"{DataDirectory}\"");
        }

        if (OutputProblem(dataDirectoryValid) is { } problem)
        {
            yield return OptionsPath.Error(validationContext, nameof(OutputPath), problem);
        }
    }

    private string? OutputProblem(bool dataDirectoryValid)
    {
        var output = OutputPath;
        if (output is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            return $"must name a file when set; leave it unset for <DataDirectory>/{LocalStoreDefaults.OutputFileName}";
        }

        if (HasInvalidPathChars(output))
        {
            return $"contains characters not valid in a path: \"{output}\"";
        }

        if (Path.EndsInDirectorySeparator(output) || Directory.Exists(output))
        {
            return $"must name a file, not a directory: \"{output}\"";
        }

        return dataDirectoryValid && IsReservedFile()
            ? $"must not be the store's own database, its log or a lock file: \"{output}\""
            : null;
    }

    private bool IsReservedFile()
    {
        var output = ResolvedOutputPath;
        return PathsEqual(output, DatabasePath) || PathsEqual(output, DatabasePath + "-wal") || PathsEqual(output, DatabasePath + "-shm")
            || PathsEqual(output, LockPath);
    }

    private static bool HasInvalidPathChars(string path) => path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0;

    // Case-insensitive where the file system usually is, so "Data/X.db" cannot sneak past on Windows or macOS.
    private static bool PathsEqual(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}

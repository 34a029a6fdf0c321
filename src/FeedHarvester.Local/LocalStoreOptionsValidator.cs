using System.Globalization;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Local;

/// <summary>Checks <see cref="LocalStoreOptions"/> once at start-up and reports every problem together.</summary>
public sealed class LocalStoreOptionsValidator : IValidateOptions<LocalStoreOptions>
{
    private const string Prefix = nameof(LocalStoreOptions) + ".";

    public ValidateOptionsResult Validate(string? name, LocalStoreOptions options)
    {
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every error found, empty when the options are usable.</summary>
    public static IReadOnlyList<string> Collect(LocalStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var dataDirectoryValid = CheckDataDirectory(options.DataDirectory, errors);
        CheckOutputPath(options, dataDirectoryValid, errors);
        CheckBusyTimeout(options.BusyTimeout, errors);
        CheckEmitBatchSize(options.EmitBatchSize, errors);
        CheckSeenKeyRetention(options.SeenKeyRetention, errors);
        return errors;
    }

    private static bool CheckDataDirectory(string? dataDirectory, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            errors.Add($"{Prefix}{nameof(LocalStoreOptions.DataDirectory)} is required (default \"{LocalStoreDefaults.DataDirectory}\").");
            return false;
        }

        if (HasInvalidPathChars(dataDirectory))
        {
            errors.Add($"{Prefix}{nameof(LocalStoreOptions.DataDirectory)} contains characters not valid in a path: \"{dataDirectory}\".");
            return false;
        }

        return true;
    }

    private static void CheckOutputPath(LocalStoreOptions options, bool dataDirectoryValid, List<string> errors)
    {
        var output = options.OutputPath;
        if (output is null)
        {
            return;
        }

        const string Name = Prefix + nameof(LocalStoreOptions.OutputPath);
        if (string.IsNullOrWhiteSpace(output))
        {
            errors.Add($"{Name} must name a file when set; leave it unset for <DataDirectory>/{LocalStoreDefaults.OutputFileName}.");
        }
        else if (HasInvalidPathChars(output))
        {
            errors.Add($"{Name} contains characters not valid in a path: \"{output}\".");
        }
        else if (Path.EndsInDirectorySeparator(output) || Directory.Exists(output))
        {
            errors.Add($"{Name} must name a file, not a directory: \"{output}\".");
        }
        else if (dataDirectoryValid && IsReservedFile(options))
        {
            errors.Add($"{Name} must not be the store's own database, its log or a lock file: \"{output}\".");
        }
    }

    private static bool IsReservedFile(LocalStoreOptions options)
    {
        var output = options.ResolvedOutputPath;
        var database = options.DatabasePath;
        return PathsEqual(output, database) || PathsEqual(output, database + "-wal") || PathsEqual(output, database + "-shm")
            || PathsEqual(output, options.LockPath);
    }

    private static void CheckBusyTimeout(TimeSpan busyTimeout, List<string> errors)
    {
        if (busyTimeout <= TimeSpan.Zero || busyTimeout > LocalStoreDefaults.MaxBusyTimeout)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LocalStoreOptions.BusyTimeout)} must be above 00:00:00 and at most {LocalStoreDefaults.MaxBusyTimeout}, got {busyTimeout}."));
        }
    }

    private static void CheckEmitBatchSize(int emitBatchSize, List<string> errors)
    {
        if (emitBatchSize < 1 || emitBatchSize > LocalStoreDefaults.MaxEmitBatchSize)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LocalStoreOptions.EmitBatchSize)} must be between 1 and {LocalStoreDefaults.MaxEmitBatchSize}, got {emitBatchSize}."));
        }
    }

    private static void CheckSeenKeyRetention(TimeSpan retention, List<string> errors)
    {
        if (retention < LocalStoreDefaults.MinSeenKeyRetention || retention > LocalStoreDefaults.MaxSeenKeyRetention)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LocalStoreOptions.SeenKeyRetention)} must be between {LocalStoreDefaults.MinSeenKeyRetention} and {LocalStoreDefaults.MaxSeenKeyRetention}, got {retention}."));
        }
    }

    private static bool HasInvalidPathChars(string path) => path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0;

    // Case-insensitive where the file system usually is, so "Data/X.db" cannot sneak past on Windows or macOS.
    private static bool PathsEqual(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}

using System.Globalization;

namespace FeedHarvester.Local;

/// <summary>
/// Creates a directory the store writes to when it is missing and proves a file can be created in it, so a read-only
/// or foreign-owned directory is reported as such instead of surfacing later as a lock conflict or a SQLite error.
/// </summary>
internal static class WritableDirectory
{
    /// <summary>
    /// Fails with <see cref="LocalStoreFault.NotWritable"/> and <paramref name="describe"/>'s line for the problem
    /// ("is not writable (Permission denied)", "cannot be created (…)").
    /// </summary>
    public static void Ensure(string directory, Func<string, string> describe)
    {
        var existed = Directory.Exists(directory);
        // Named per process: two workers starting at once must not trip over each other's probe.
        var probe = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".feedharvester-probe-{Environment.ProcessId}"));
        try
        {
            _ = Directory.CreateDirectory(directory);
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            var problem = existed ? "is not writable" : "cannot be created";
            throw new LocalStoreException(LocalStoreFault.NotWritable, describe($"{problem} ({StoreFaults.Reason(ex)})"), ex);
        }
    }
}

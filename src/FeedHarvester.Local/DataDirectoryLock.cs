namespace FeedHarvester.Local;

/// <summary>Whether a worker holds a data directory now, asked without taking its lock from anyone.</summary>
public static class DataDirectoryLock
{
    /// <summary>
    /// True when another process holds the directory's lock file (a running worker), false when none does or the
    /// directory has no lock file. A shared lock is tried and dropped at once: it fails only against the worker's
    /// exclusive one, which the kernel drops when the worker dies, so a stale file reads as not held.
    /// </summary>
    public static bool IsHeld(string dataDirectory)
    {
        var lockPath = new LocalStoreOptions { DataDirectory = dataDirectory }.LockPath;
        if (!File.Exists(lockPath))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read: say nothing rather than guess.
            return false;
        }
    }
}

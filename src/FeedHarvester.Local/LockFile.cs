using System.Globalization;
using System.Text;

namespace FeedHarvester.Local;

/// <summary>
/// An exclusively opened lock file held for as long as the store is open: one beside the database, so a second worker on
/// the same data directory fails at start-up instead of interleaving claims and emits with the first, and one beside
/// the output file, so a second worker with another data directory but the same output cannot interleave lines with it.
/// </summary>
/// <remarks>
/// The output gets a lock file of its own rather than a lock on itself: a lock on the output would also shut out
/// consumers reading it while it grows (.NET takes a shared lock for every FileStream it opens).
/// </remarks>
internal sealed class LockFile : IDisposable
{
    private readonly FileStream _stream;

    private LockFile(FileStream stream) => _stream = stream;

    /// <summary>Locks the data directory; call <see cref="WritableDirectory.Ensure"/> on it first.</summary>
    public static LockFile AcquireDataDirectory(string lockPath, string dataDirectory) => Acquire(
        lockPath,
        $"Data directory \"{dataDirectory}\" is in use by another FeedHarvester process (lock file \"{lockPath}\" is held). " +
        "Stop the other worker or give this one a different DataDirectory (--data-dir).");

    /// <summary>Locks the output file; its directory must be writable.</summary>
    public static LockFile AcquireOutput(string lockPath, string outputPath) => Acquire(
        lockPath,
        $"Output file \"{outputPath}\" is in use by another FeedHarvester process (lock file \"{lockPath}\" is held). " +
        "Stop the other worker or give this one a different OutputPath (--output).");

    public void Dispose() => _stream.Dispose();

    private static LockFile Acquire(string lockPath, string heldMessage)
    {
        FileStream stream;
        try
        {
            // FileShare.None is an OS-level lock (flock on Unix): released by the kernel when the process dies, even by kill -9.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            // The directory is writable (checked before) but the lock file is not: left by a worker running as another user.
            throw new LocalStoreException(
                LocalStoreFault.NotWritable,
                $"Lock file \"{lockPath}\" is not writable ({StoreFaults.Reason(ex)}); it may belong to another user. " +
                "Run the worker as the user owning it, or give that user write access to it.",
                ex);
        }
        catch (IOException ex)
        {
            // With the directory known to be writable, what is left is another process's lock.
            throw new LocalStoreException(LocalStoreFault.InUse, heldMessage, ex);
        }

        WriteOwner(stream);
        return new LockFile(stream);
    }

    // The process id is only for an operator reading the file with cat; nothing relies on it.
    private static void WriteOwner(FileStream stream)
    {
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        stream.Flush();
    }
}

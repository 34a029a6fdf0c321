using System.Globalization;
using System.Text;

namespace FeedHarvester.Local;

/// <summary>
/// An exclusively opened lock file held for as long as the store is open, so a second worker on the same
/// data directory fails at start-up instead of interleaving claims and emits with the first.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static DataDirectoryLock Acquire(string lockPath, string dataDirectory)
    {
        FileStream stream;
        try
        {
            // FileShare.None is an OS-level lock (flock on Unix): released by the kernel when the process dies, even by kill -9.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new LocalStoreException(
                $"Data directory \"{dataDirectory}\" is in use by another FeedHarvester process (lock file \"{lockPath}\" is held). " +
                "Stop the other worker or give this one a different DataDirectory.",
                ex);
        }

        WriteOwner(stream);
        return new DataDirectoryLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    // The process id is only for an operator reading the file with cat; nothing relies on it.
    private static void WriteOwner(FileStream stream)
    {
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        stream.Flush();
    }
}

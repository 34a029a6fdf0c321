using Microsoft.Win32.SafeHandles;

namespace FeedHarvester.Local;

/// <summary>
/// fsyncs the database's <c>-wal</c> file through a handle of its own. The writer commits with synchronous NORMAL (the
/// frames reach the file, no fsync) and calls this after releasing the write gate, so the next batch's SQL runs while
/// this batch's sync is under way; callers are answered only after it, so an acknowledged write survives power loss
/// as with synchronous FULL. A sync covers every frame written before it, so a later batch's sync also covers an
/// earlier batch.
/// </summary>
internal sealed class WalFileSync(string databasePath) : IWalSync
{
    private readonly Lock _open = new();
    private SafeFileHandle? _handle;

    public void Flush() => RandomAccess.FlushToDisk(Handle());

    private SafeFileHandle Handle()
    {
        lock (_open)
        {
            // Opened on first use: SQLite creates the log with the first write, and keeps it until the last connection closes.
            return _handle ??= File.OpenHandle(databasePath + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
    }

    public void Dispose() => _handle?.Dispose();
}

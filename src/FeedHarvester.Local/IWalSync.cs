namespace FeedHarvester.Local;

/// <summary>Makes what SQLite has written to the write-ahead log durable: one fsync of the log file.</summary>
internal interface IWalSync : IDisposable
{
    void Flush();
}

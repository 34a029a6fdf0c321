namespace FeedHarvester.Local;

/// <summary>The local store cannot be opened as configured (data directory in use, database from a newer version).</summary>
public sealed class LocalStoreException : Exception
{
    public LocalStoreException()
    {
    }

    public LocalStoreException(string message)
        : base(message)
    {
    }

    public LocalStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

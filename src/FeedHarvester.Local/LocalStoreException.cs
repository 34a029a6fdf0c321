namespace FeedHarvester.Local;

/// <summary>
/// The local store cannot be opened as configured. <see cref="Exception.Message"/> is one line naming the file or
/// directory and what to do; <see cref="Fault"/> says which case it is.
/// </summary>
public sealed class LocalStoreException : Exception
{
    public LocalStoreException(LocalStoreFault fault, string message)
        : base(message)
    {
        Fault = fault;
    }

    public LocalStoreException(LocalStoreFault fault, string message, Exception innerException)
        : base(message, innerException)
    {
        Fault = fault;
    }

    public LocalStoreFault Fault { get; }
}

namespace FeedHarvester.Fetching;

/// <summary>What reading a response body gave: the bytes, or why there are none.</summary>
/// <param name="Body">The whole body (after decompression); empty on failure.</param>
/// <param name="Failure">TooLarge, TruncatedBody or CorruptBody; null when the body arrived whole.</param>
/// <param name="Reason">For a failure: what went wrong, in words, for the fetch message.</param>
/// <param name="Lease">When the body was lent in its pooled array: the lease the caller disposes when done.</param>
internal readonly record struct BodyRead(ReadOnlyMemory<byte> Body, FetchFailureKind? Failure, string? Reason, PooledBytes? Lease = null)
{
    public static BodyRead Whole(byte[] body) => new(body, null, null);

    public static BodyRead Lent(PooledBytes lease) => new(lease.Memory, null, null, lease);

    public static BodyRead Failed(FetchFailureKind kind, string reason) => new(ReadOnlyMemory<byte>.Empty, kind, reason);
}

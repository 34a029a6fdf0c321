using System.Buffers;

namespace FeedHarvester.Fetching;

/// <summary>
/// A body left in the pooled array it was read into, for a caller that is done with it soon and says so: an article
/// page waits for an extraction slot and is dropped once parsed, and a copy of its own for each page was a tenth of
/// all the harvest allocated, most of it old enough by then to be promoted. Nothing may read <see cref="Memory"/>
/// after disposal; a lease never disposed is only a missed reuse (the collector takes the array).
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? _array;
    private readonly int _length;

    /// <param name="array">An array rented from <see cref="ArrayPool{T}.Shared"/>.</param>
    /// <param name="length">How many of its bytes are the body.</param>
    public PooledBytes(byte[] array, int length)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, array.Length);
        _array = array;
        _length = length;
    }

    /// <summary>The bytes; empty once disposed.</summary>
    public ReadOnlyMemory<byte> Memory => _array is { } array ? array.AsMemory(0, _length) : ReadOnlyMemory<byte>.Empty;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { Length: > 0 } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

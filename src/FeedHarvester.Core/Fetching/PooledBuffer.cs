using System.Buffers;

namespace FeedHarvester.Fetching;

/// <summary>
/// A byte buffer that grows in arrays rented from the shared pool, so reading a body of unknown length allocates
/// only the body itself, once, at its final size. A growing MemoryStream allocated every doubling and then a copy:
/// about four times a 160 KB page, most of it on the large-object heap, which only a full collection reclaims.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialCapacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 1));

    public int Length { get; private set; }

    /// <summary>Room for at least one byte and at most <paramref name="most"/> after the bytes written so far.</summary>
    public Memory<byte> FreeSpace(int most)
    {
        if (Length == _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(checked(_array.Length * 2));
            _array.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        return _array.AsMemory(Length, Math.Min(most, _array.Length - Length));
    }

    /// <summary>Counts <paramref name="count"/> bytes just read into <see cref="FreeSpace"/> as written.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - Length);
        Length += count;
    }

    /// <summary>The bytes written, in an array of their own (not zeroed first: every byte of it is copied over).</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(Length);
        _array.AsSpan(0, Length).CopyTo(bytes);
        return bytes;
    }

    /// <summary>Hands the bytes written over in the pooled array itself; this buffer is empty afterwards.</summary>
    public PooledBytes Detach()
    {
        var lent = new PooledBytes(_array, Length);
        _array = [];
        Length = 0;
        return lent;
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }
}

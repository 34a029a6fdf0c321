using System.Buffers;

namespace FeedHarvester.Decoding;

/// <summary>
/// A page's text in a char array rented from the shared pool. A page of over a million characters decoded into a
/// string of its own lands on the large-object heap, which only a full collection reclaims: over a long run those
/// dead strings were most of the process's memory. The parser copies what it keeps into the tree, so the buffer can
/// go back to the pool as soon as the page is parsed. Nothing may read <see cref="Memory"/> after disposal.
/// </summary>
internal sealed class PooledText : IDisposable
{
    private char[]? _buffer;
    private readonly int _length;

    private PooledText(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The text; empty once disposed.</summary>
    public ReadOnlyMemory<char> Memory => _buffer is { } buffer ? buffer.AsMemory(0, _length) : ReadOnlyMemory<char>.Empty;

    public int Length => _buffer is null ? 0 : _length;

    /// <summary>Decodes <paramref name="bytes"/> with <paramref name="encoding"/> into a rented buffer.</summary>
    public static PooledText Decode(System.Text.Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(encoding.GetMaxCharCount(bytes.Length), 1));
        try
        {
            return new PooledText(buffer, encoding.GetChars(bytes, buffer));
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }

    public override string ToString() => Memory.Span.ToString();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}

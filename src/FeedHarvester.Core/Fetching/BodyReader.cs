using System.Buffers;

namespace FeedHarvester.Fetching;

/// <summary>Reads a response body while counting, so a huge or endless body is cut off at the limit.</summary>
internal static class BodyReader
{
    private const int ChunkSize = 81920;
    // For a body of unknown length (a compressed response, chunked transfer): typical article pages are 10-50 KB, and
    // the profile of a harvest showed a 64 KB start wasting more per page than the page itself; the stream grows as needed.
    private const int DefaultInitialCapacity = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes (after decompression).</summary>
    public static Task<byte[]?> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken) =>
        ReadAsync(content, limit, truncate: false, cancellationToken);

    /// <summary>
    /// The body; when <paramref name="truncate"/> is set, a longer body is cut to its first <paramref name="limit"/>
    /// bytes instead of refused (robots.txt: RFC 9309 asks crawlers to parse at least the first 500 KiB).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long limit, bool truncate, CancellationToken cancellationToken)
    {
        if (!truncate && content.Headers.ContentLength is { } declared && declared > limit && content.Headers.ContentEncoding.Count == 0)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // Sized from Content-Length only up to the limit, so a lying header cannot make us allocate a huge buffer.
        var initial = (int)Math.Min(limit + 1, content.Headers.ContentLength is { } length and > 0 ? length + 1 : DefaultInitialCapacity);
        using var buffer = new MemoryStream(initial);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (!truncate)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, (int)(limit - buffer.Length));
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}

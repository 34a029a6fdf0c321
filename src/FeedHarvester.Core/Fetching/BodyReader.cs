using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Net.Sockets;

namespace FeedHarvester.Fetching;

/// <summary>
/// Reads a response body while counting, so a huge or endless body is cut off at the limit. A body that breaks
/// off or does not decode is a failure value (TruncatedBody, CorruptBody), never an exception: with
/// ResponseHeadersRead the body is read after the handler chain has returned, so nothing below catches it.
/// </summary>
internal static class BodyReader
{
    // The most one read asks the stream for: a socket or decompressor hands over at most this much at a time anyway.
    private const int ChunkSize = 81920;
    // For a body of unknown length (a compressed response, chunked transfer): typical article pages are 10-50 KB, and
    // the profile of a harvest showed a 64 KB start wasting more per page than the page itself; the stream grows as needed.
    private const int DefaultInitialCapacity = 16 * 1024;

    /// <summary>
    /// The body, or TooLarge when it is larger than <paramref name="limit"/> bytes (after decompression); when
    /// <paramref name="truncate"/> is set, a longer body is cut to its first <paramref name="limit"/> bytes instead
    /// (robots.txt: RFC 9309 asks crawlers to parse at least the first 500 KiB). With <paramref name="lend"/> the body
    /// stays in its pooled array, lent to the caller (<see cref="BodyRead.Lease"/>), instead of copied out.
    /// </summary>
    public static async Task<BodyRead> ReadAsync(HttpContent content, long limit, bool truncate, CancellationToken cancellationToken, bool lend = false)
    {
        var declared = content.Headers.ContentLength;
        if (!truncate && declared > limit && content.Headers.ContentEncoding.Count == 0)
        {
            return TooLarge(limit);
        }

        // Sized from Content-Length only up to the limit, so a lying header cannot make us allocate a huge buffer.
        var initial = (int)Math.Min(limit + 1, declared is { } length and > 0 ? length + 1 : DefaultInitialCapacity);
        using var buffer = new PooledBuffer(initial);
        Stream? stream = null;
        try
        {
            stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.FreeSpace(ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    if (!truncate)
                    {
                        return TooLarge(limit);
                    }

                    buffer.Advance((int)(limit - buffer.Length));
                    break;
                }

                buffer.Advance(read);
            }
        }
        catch (Exception ex) when (Classify(ex, stream) is { } kind && !cancellationToken.IsCancellationRequested)
        {
            // A cancelled read (the fetch's time limit) surfaces as the cancellation, so it is reported as a Timeout.
            return BodyRead.Failed(kind, Describe(kind, ex, buffer.Length, declared));
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        return lend ? BodyRead.Lent(buffer.Detach()) : BodyRead.Whole(buffer.ToArray());
    }

    /// <summary>
    /// What a broken body throws while it is read: the gzip and deflate decoders throw InvalidDataException for
    /// bytes that are not what Content-Encoding says, the Brotli decoder InvalidOperationException; HttpIOException
    /// carries the framing error (ResponseEnded: fewer bytes than Content-Length, then a close); a reset connection
    /// is an IOException over a SocketException. Anything else is a bug and stays an exception.
    /// </summary>
    private static FetchFailureKind? Classify(Exception ex, Stream? stream) => ex switch
    {
        InvalidDataException => FetchFailureKind.CorruptBody,
        InvalidOperationException when stream is BrotliStream => FetchFailureKind.CorruptBody,
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => FetchFailureKind.TruncatedBody,
        HttpIOException => FetchFailureKind.CorruptBody,
        IOException or SocketException => FetchFailureKind.TruncatedBody,
        _ => null,
    };

    // Phrases that follow "body of URL"; the decompressing handler drops Content-Encoding and Content-Length from
    // the headers it passes on, so a declared length is only known for an uncompressed body.
    private static string Describe(FetchFailureKind kind, Exception ex, long received, long? declared)
    {
        var cause = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
        if (kind == FetchFailureKind.CorruptBody)
        {
            return string.Create(CultureInfo.InvariantCulture, $"cannot be decoded after {received} bytes (a Content-Encoding it does not have, or broken framing): {cause}");
        }

        var of = declared is { } length ? string.Create(CultureInfo.InvariantCulture, $" of {length}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"broke off after {received}{of} bytes: {cause}");
    }

    private static BodyRead TooLarge(long limit) =>
        BodyRead.Failed(FetchFailureKind.TooLarge, string.Create(CultureInfo.InvariantCulture, $"larger than {limit} bytes after decompression"));
}

using System.Buffers;
using System.Runtime.CompilerServices;

namespace FeedHarvester.Local;

/// <summary>Reads a JSON-lines file front to back in fixed chunks, holding at most one line (up to a limit) in memory.</summary>
internal static class OutputLineReader
{
    private const byte NewLine = (byte)'\n';

    private const int ChunkBytes = 64 * 1024;

    public static async IAsyncEnumerable<OutputLine> ReadAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        var line = new ArrayBufferWriter<byte>();
        long lineStart = 0;
        long position = 0;
        var tooLong = false;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var rest = chunk.AsMemory(0, read);
            while (!rest.IsEmpty)
            {
                var newLine = rest.Span.IndexOf(NewLine);
                var part = newLine < 0 ? rest : rest[..newLine];
                tooLong |= line.WrittenCount + part.Length > maxLineBytes;
                if (!tooLong)
                {
                    line.Write(part.Span);
                }

                if (newLine < 0)
                {
                    position += rest.Length;
                    break;
                }

                position += newLine + 1;
                yield return new OutputLine(lineStart, position - 1 - lineStart, tooLong ? default : line.WrittenMemory, Complete: true, tooLong);
                line.ResetWrittenCount();
                tooLong = false;
                lineStart = position;
                rest = rest[(newLine + 1)..];
            }
        }

        if (position > lineStart)
        {
            yield return new OutputLine(lineStart, position - lineStart, tooLong ? default : line.WrittenMemory, Complete: false, tooLong);
        }
    }
}

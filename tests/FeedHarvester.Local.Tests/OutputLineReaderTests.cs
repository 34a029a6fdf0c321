using System.Text;

namespace FeedHarvester.Local.Tests;

public sealed class OutputLineReaderTests
{
    [Fact]
    public async Task Read_LinesLongerThanAChunk_EachReturnedWholeWithItsOffset()
    {
        var first = new string('a', 150_000);
        var second = "short";
        var third = new string('b', 70_000);
        var text = $"{first}\n{second}\n{third}\n";

        var lines = await ReadAsync(text, maxLineBytes: 1_000_000);

        Assert.Equal([first, second, third], lines.Select(l => l.Text));
        Assert.Equal([0L, 150_001L, 150_007L], lines.Select(l => l.Line.Offset));
        Assert.All(lines, l => Assert.True(l.Line.Complete));
    }

    [Fact]
    public async Task Read_LastLineWithoutNewline_ReturnedAsIncompleteWithItsLength()
    {
        var lines = await ReadAsync("{\"id\":1}\n{\"id\":", maxLineBytes: 1_000);

        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].Line.Complete);
        Assert.False(lines[1].Line.Complete);
        Assert.Equal(6, lines[1].Line.Length);
        Assert.Equal(9, lines[1].Line.Offset);
    }

    [Fact]
    public async Task Read_LineOverTheLimit_SkippedAsTooLongAndTheNextLineStillRead()
    {
        var lines = await ReadAsync($"{new string('x', 200_000)}\nafter\n", maxLineBytes: 100_000);

        Assert.True(lines[0].Line.TooLong);
        Assert.Equal(200_000, lines[0].Line.Length);
        Assert.True(lines[0].Line.Bytes.IsEmpty);
        Assert.Equal("after", lines[1].Text);
        Assert.False(lines[1].Line.TooLong);
    }

    [Fact]
    public async Task Read_EmptyFile_NoLines()
    {
        Assert.Empty(await ReadAsync(string.Empty, maxLineBytes: 10));
    }

    private static async Task<List<(OutputLine Line, string Text)>> ReadAsync(string text, int maxLineBytes)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var lines = new List<(OutputLine, string)>();
        await foreach (var line in OutputLineReader.ReadAsync(stream, maxLineBytes, CancellationToken.None))
        {
            // Bytes are only valid until the next line is read: copy them now.
            lines.Add((line, Encoding.UTF8.GetString(line.Bytes.Span)));
        }

        return lines;
    }
}

namespace FeedHarvester.Worker.Cli;

/// <summary>Left-aligned columns two spaces apart, sized to their widest cell: tables for people, not parsers (those use --json).</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}

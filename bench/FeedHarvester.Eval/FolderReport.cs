using System.Globalization;

namespace FeedHarvester.Eval;

/// <summary>Prints one folder's figures: body scores overall and per page type, empty bodies, metadata accuracy,
/// speed, and the worst pages of each type with samples of what was missed and what was extra.</summary>
public static class FolderReport
{
    private const int SamplesPerPage = 3;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(string name, FolderFigures figures, IReadOnlyList<PageResult> results, int worstPerType, TextWriter output)
    {
        output.WriteLine($"== {name} ==");
        output.WriteLine(string.Create(Inv, $"{"type",-14} {"pages",5} {"P",7} {"R",7} {"F1",7} {"acc",7} {"empty",6}"));
        Row(output, "all", figures.Body, figures.EmptyBodies);
        foreach (var (type, body) in figures.ByType)
        {
            Row(output, type, body, results.Count(r => r.Page.PageType == type && r.IsEmptyBody));
        }

        if (figures.Metadata.Count != 0)
        {
            output.WriteLine();
            MetadataReport.PrintTable(figures.Metadata, output);
        }

        var slowest = results.MaxBy(r => r.Milliseconds);
        output.WriteLine();
        output.WriteLine(string.Create(Inv,
            $"ms/page {results.Average(r => r.Milliseconds):F2} (slowest {slowest?.Milliseconds:F1} ms, {slowest?.Page.Id}; wall clock, see bench/README.md for the benchmark)"));
        output.WriteLine("paths: " + string.Join(", ", results.GroupBy(r => r.Path).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        PrintWorst(results, worstPerType, output);
        output.WriteLine();
    }

    private static void Row(TextWriter output, string label, BodyFigures b, int empty) =>
        output.WriteLine(string.Create(Inv, $"{label,-14} {b.Pages,5} {b.Precision,7:F4} {b.Recall,7:F4} {b.F1,7:F4} {b.Accuracy,7:F4} {empty,6}"));

    private static void PrintWorst(IReadOnlyList<PageResult> results, int count, TextWriter output)
    {
        if (count <= 0)
        {
            return;
        }

        foreach (var group in results.GroupBy(r => r.Page.PageType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine();
            output.WriteLine($"worst {group.Key} pages:");
            foreach (var r in group.OrderBy(r => r.Score.F1).ThenBy(r => r.Page.Id, StringComparer.Ordinal).Take(count))
            {
                var s = r.Score;
                output.WriteLine(string.Create(Inv,
                    $"  F1 {s.F1:F3}  P {s.Precision ?? 0:F3}  R {s.Recall ?? 0:F3}  {r.Page.Id[..Math.Min(12, r.Page.Id.Length)]}  {r.Path}  {r.Page.Url}"));
                var (missed, extra) = SentenceDiff.Compare(r.Page.Body, r.Text, SamplesPerPage);
                foreach (var sentence in missed)
                {
                    output.WriteLine($"      missed: {sentence}");
                }

                foreach (var sentence in extra)
                {
                    output.WriteLine($"      extra:  {sentence}");
                }
            }
        }
    }
}

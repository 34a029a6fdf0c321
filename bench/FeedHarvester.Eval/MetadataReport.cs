using System.Globalization;

namespace FeedHarvester.Eval;

/// <summary>The metadata table of a folder and, on request, its misses: per field, each page where the extracted
/// value does not match the truth, or where a value was given that the page does not state.</summary>
public static class MetadataReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>--metadata-only: the table and the misses, nothing about bodies.</summary>
    public static void Print(string name, IReadOnlyDictionary<string, FieldFigures> metadata, IReadOnlyList<PageResult> results,
        int misses, TextWriter output)
    {
        output.WriteLine($"== {name} (metadata only) ==");
        if (metadata.Count == 0)
        {
            output.WriteLine("no metadata in the ground truth");
            return;
        }

        PrintTable(metadata, output);
        output.WriteLine(string.Create(Inv, $"ms/page {results.Average(r => r.Milliseconds):F2} (parse and metadata)"));
        PrintMisses(results, misses, output);
        output.WriteLine();
    }

    public static void PrintTable(IReadOnlyDictionary<string, FieldFigures> metadata, TextWriter output)
    {
        output.WriteLine(string.Create(Inv, $"{"field",-14} {"stated",6} {"correct",7} {"acc",7} {"unstated",9} {"invented",8}"));
        foreach (var (field, f) in metadata)
        {
            output.WriteLine(string.Create(Inv, $"{field,-14} {f.Stated,6} {f.Correct,7} {f.Accuracy,7:F4} {f.Unstated,9} {f.Invented,8}"));
        }
    }

    /// <summary>Up to <paramref name="count"/> misses per field, ordered by page id.</summary>
    public static void PrintMisses(IReadOnlyList<PageResult> results, int count, TextWriter output)
    {
        var annotated = results.Where(r => r.Page.HasMetadata).OrderBy(r => r.Page.Id, StringComparer.Ordinal).ToList();
        if (count <= 0 || annotated.Count == 0)
        {
            return;
        }

        Misses(output, "title", annotated, r => r.Page.Title, r => r.Title, r => MetadataMatch.Title(r.Page.Title!, r.Title), count);
        Misses(output, "author", annotated, r => r.Page.Author, r => r.Author, r => MetadataMatch.Author(r.Page.Author!, r.Author), count);
        Misses(output, "date", annotated, r => r.Page.PublishDate,
            r => r.Published is { } date ? date.ToString("yyyy-MM-dd HH:mm zzz", Inv) + " from " + r.PublishedFrom : null, r => MetadataMatch.Date(r.Page.PublishDate!, r.Published), count);
    }

    private static void Misses(TextWriter output, string field, List<PageResult> results, Func<PageResult, string?> truth,
        Func<PageResult, string?> extracted, Func<PageResult, bool> matches, int count)
    {
        var missed = results.Where(r => truth(r) is null ? extracted(r) is not null : !matches(r)).ToList();
        output.WriteLine();
        output.WriteLine($"{field} misses ({missed.Count}):");
        foreach (var r in missed.Take(count))
        {
            output.WriteLine($"  {r.Page.Id[..Math.Min(12, r.Page.Id.Length)]} {r.Page.PageType,-13} {r.Page.Url}");
            output.WriteLine($"      truth: {truth(r) ?? "(none)"}");
            output.WriteLine($"      got:   {extracted(r) ?? "(none)"}");
        }
    }
}

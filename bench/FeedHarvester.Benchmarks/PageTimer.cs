using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using FeedHarvester.Decoding;
using FeedHarvester.Extraction;

namespace FeedHarvester.Benchmarks;

/// <summary>
/// Per-page timings outside BenchmarkDotNet: the best of a few runs of parse and of extract for every page,
/// the slowest pages first, so a page over the 50 ms ceiling is named rather than averaged away.
/// </summary>
public static class PageTimer
{
    private const int Runs = 5;

    /// <summary>Times every page, or only those whose id starts with <paramref name="idPrefix"/> (for a profiler).</summary>
    public static int Run(string? idPrefix = null, int runs = Runs)
    {
        var pages = DevPages.Load().Where(p => idPrefix is null || p.Id.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();
        var parser = new HtmlParser();
        var extractor = new ArticleExtractor();
        var rows = new List<(string Id, double Parse, double Extract)>();
        foreach (var page in pages)
        {
            var html = PageDecoder.Decode(page.Body, "text/html; charset=utf-8");
            var input = new HtmlPage(page.Body, "text/html; charset=utf-8", page.Url);
            _ = extractor.Extract(input); // warm-up: JIT and first-use costs are not the page's
            var parse = Best(() => parser.ParseDocument(html).Dispose(), runs);
            var extract = Best(() => extractor.Extract(input), runs);
            rows.Add((page.Id, parse, extract));
        }

        var inv = CultureInfo.InvariantCulture;
        var totalParse = rows.Sum(r => r.Parse);
        var totalExtract = rows.Sum(r => r.Extract);
        Console.WriteLine(string.Create(inv,
            $"pages {rows.Count}  parse {totalParse / rows.Count:F2} ms/page  extract {totalExtract / rows.Count:F2} ms/page  ratio {totalExtract / totalParse:F2}"));
        Console.WriteLine("slowest pages (best of runs):");
        foreach (var (id, parse, extract) in rows.OrderByDescending(r => r.Extract).Take(10))
        {
            Console.WriteLine(string.Create(inv, $"  {id[..12]}  parse {parse,6:F2} ms  extract {extract,6:F2} ms  ratio {extract / parse:F2}"));
        }

        return 0;
    }

    private static double Best(Action action, int runs)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }
}

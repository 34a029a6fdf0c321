using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using FeedHarvester.Decoding;

namespace FeedHarvester.Benchmarks;

/// <summary>
/// The CPU one bare <c>HtmlParser.ParseDocument</c> costs per article of a newsfarm universe: every article page named
/// in its truth.jsonl, decoded beforehand (not timed), parsed once each. The end-to-end throughput script sets the
/// worker's process CPU per article beside this figure; everything the worker does beyond that one parse is the
/// pipeline's own cost. Process CPU (every thread, the collector's included) is what is counted, as for the worker.
/// </summary>
internal static class ParseCost
{
    public static int Run(string farmDir)
    {
        if (FarmPages.Load(farmDir) is not { } farm)
        {
            return 2;
        }

        var pages = farm.Select(p => PageDecoder.Decode(p.Body, "text/html")).ToList();
        // AngleSharp's parser as it comes, the same baseline the extraction benchmark measures against.
        var parser = new HtmlParser();

        // One round untimed, so the figure is the steady state of a long run, not the JIT's first calls.
        foreach (var html in pages.Take(200))
        {
            parser.ParseDocument(html).Dispose();
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        foreach (var html in pages)
        {
            parser.ParseDocument(html).Dispose();
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parse-only: {pages.Count} articles, {cpu.TotalMilliseconds / pages.Count:F2} CPU-ms per article, {allocated / 1024 / pages.Count} KiB allocated per article ({wall.Elapsed.TotalSeconds:F1} s wall, {pages.Sum(p => (long)p.Length) / pages.Count / 1024} KiB of text per page on average)"));
        return 0;
    }
}

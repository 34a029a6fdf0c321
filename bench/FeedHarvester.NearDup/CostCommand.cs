using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Extraction;

namespace FeedHarvester.NearDup;

/// <summary>
/// `cost [--rounds N] [--data DIR]`: what near-duplicate detection adds per article. Times building a signature and its band
/// keys over the DEV pages' ground-truth bodies (or the project's fixtures when the DEV pages are absent), the
/// allocations per article, and a claim's worst-case comparison work; then sets it against extraction time per page,
/// measured on the same pages (or the ~6 ms per page measured before, without them).
/// </summary>
public static class CostCommand
{
    private const double AssumedExtractionMs = 6.0;

    public static int Run(int rounds, string? dataDir)
    {
        dataDir ??= RepositoryPaths.DevPages();
        var dev = File.Exists(Path.Combine(dataDir, "ground-truth.json"));
        var texts = dev ? DevBodies(dataDir).Select(p => p.Body).ToList() : [.. FixtureTexts.Load().Select(t => t.Text)];
        var words = texts.Sum(FixtureTexts.WordCount);
        var signed = texts.Count(t => StorySignatureBuilder.TryBuild(t, FixtureTexts.MinWords) is not null);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"texts      {texts.Count} {(dev ? "DEV ground-truth bodies" : "fixture texts (no DEV pages at " + dataDir + ")")}, {words / Math.Max(1, texts.Count)} words on average, {signed} long enough for a signature"));

        for (var i = 0; i < 3; i++)
        {
            _ = SignAll(texts); // warm-up: JIT, regex and hash tables
        }

        var times = new List<double>();
        long allocated = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            _ = SignAll(texts);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / texts.Count);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(inv,
            $"signature  {median:F1} µs/article median of {rounds} rounds (best {times[0]:F1}), {median * 1000 / Math.Max(1, words / texts.Count):F1} µs per 1,000 words; {allocated / texts.Count:N0} bytes allocated/article"));

        var compare = CompareCost(texts);
        Console.WriteLine(string.Create(inv,
            $"claim      {compare:F1} µs to read and compare {MinHashTuning.Bands * MinHashTuning.MaxArticlesPerBucket} stored signatures (the most a claim loads: {MinHashTuning.Bands} bands × {MinHashTuning.MaxArticlesPerBucket} per bucket)"));

        var (extractionMedian, extractionBest) = dev ? ExtractionMs(dataDir) : (AssumedExtractionMs, AssumedExtractionMs);
        Console.WriteLine(dev
            ? string.Create(inv, $"extraction {extractionMedian:F2} ms/page median of 3 passes over the same pages (best {extractionBest:F2})")
            : string.Create(inv, $"extraction {AssumedExtractionMs:F2} ms/page (assumed: measured before on the DEV pages, which are absent)"));

        // On a loaded machine both times swing together; the shares move much less than the absolute figures.
        Console.WriteLine(string.Create(inv,
            $"share      signature + keys {median / (extractionMedian * 1000):P2} of extraction (best against best {times[0] / (extractionBest * 1000):P2}); " +
            $"with a worst-case claim {(median + compare) / (extractionMedian * 1000):P2}"));
        return 0;
    }

    private static int SignAll(List<string> texts)
    {
        var keys = 0;
        foreach (var text in texts)
        {
            keys += StorySignatureBuilder.TryBuild(text, FixtureTexts.MinWords)?.BandKeys().Count ?? 0;
        }

        return keys;
    }

    /// <summary>
    /// Microseconds to turn 512 stored signatures back into signatures and pick the best match among them: the best of 200
    /// runs after 100 warm-up runs (fewer leave the code unoptimized by the tiered JIT and read several times slower).
    /// </summary>
    private static double CompareCost(List<string> texts)
    {
        var signatures = texts.Select(t => StorySignatureBuilder.TryBuild(t, FixtureTexts.MinWords)).OfType<StorySignature>().ToList();
        var stored = Enumerable.Range(0, MinHashTuning.Bands * MinHashTuning.MaxArticlesPerBucket)
            .Select(i => (Id: "a" + i, Story: "s" + i, Bytes: signatures[i % signatures.Count].ToBytes()))
            .ToList();
        var check = NearDuplicateCheck.For(signatures[0], MinHashTuning.DefaultSimilarity, NearDuplicatePolicy.Link);
        var best = double.MaxValue;
        for (var run = 0; run < 300; run++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = StoryMatcher.BestMatch(check, stored.Select(s => new StoryCandidate(s.Id, s.Story, StorySignature.FromBytes(s.Bytes)!)));
            best = run < 100 ? best : Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return best;
    }

    /// <summary>Median and best milliseconds per page of three passes after a warm-up pass.</summary>
    private static (double Median, double Best) ExtractionMs(string dataDir)
    {
        var extractor = new ArticleExtractor();
        var pages = DevBodies(dataDir).Select(p => new HtmlPage(Gunzip(Path.Combine(dataDir, "html", p.Id + ".html.gz")),
            "text/html; charset=utf-8", p.Url)).ToList();
        var passes = new List<double>();
        for (var pass = 0; pass < 4; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var page in pages)
            {
                _ = extractor.Extract(page);
            }

            passes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / pages.Count);
        }

        var measured = passes.Skip(1).Order().ToList();
        return (measured[1], measured[0]);
    }

    private static List<(string Id, Uri Url, string Body)> DevBodies(string dataDir)
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dataDir, "ground-truth.json")));
        return [.. truth.RootElement.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, new Uri(p.Value.GetProperty("url").GetString()!), p.Value.GetProperty("articleBody").GetString() ?? ""))];
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}

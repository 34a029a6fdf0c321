using System.Globalization;
using AngleSharp.Html.Parser;
using FeedHarvester.Cleaning;
using FeedHarvester.Decoding;
using FeedHarvester.Diagnostics;
using FeedHarvester.Extraction;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;

namespace FeedHarvester.Benchmarks;

/// <summary>
/// Thread CPU and bytes allocated per article of a newsfarm universe for each in-process step the worker runs on a
/// fetched page (decode, extract, clean, normalize, serialize), beside one bare parse of the same page. No network,
/// no store: what is left of the worker's process CPU per article beyond the sum is HTTP, the store, the sink and the
/// collector. On one thread, so the figures do not depend on what else the machine runs as much as wall time does.
/// </summary>
internal static class StageCost
{
    private sealed class Tally(string name)
    {
        public string Name { get; } = name;
        public double CpuMs { get; set; }
        public long Allocated { get; set; }
    }

    public static int Run(string farmDir, int limit)
    {
        if (FarmPages.Load(farmDir, limit) is not { } pages)
        {
            return 2;
        }

        var extractor = new ArticleExtractor();
        var cleaner = HtmlCleaner.Unbounded();
        var normalizer = new ArticleNormalizer();
        var parser = new HtmlParser();
        var tallies = new[] { new Tally("parse (bare)"), new Tally("decode"), new Tally("extract (decode+parse+passes)"), new Tally("clean"), new Tally("normalize"), new Tally("serialize") };

        for (var round = 0; round < 2; round++)
        {
            // The first round warms the JIT up and is not counted.
            var counted = round == 1;
            foreach (var (url, body) in pages)
            {
                var html = Measure(counted ? tallies[1] : null, () => PageDecoder.Decode(body, "text/html; charset=utf-8"));
                Measure(counted ? tallies[0] : null, () => { parser.ParseDocument(html).Dispose(); return 0; });
                var outcome = Measure(counted ? tallies[2] : null, () => extractor.TryExtract(new HtmlPage(body, "text/html; charset=utf-8", url)));
                var entry = new ParsedEntry { Id = url.AbsoluteUri, Link = url.AbsoluteUri, Title = "t" };
                var input = new NormalizationInput("http://127.0.0.1/feed.xml", new ParsedFeed(), entry, outcome.Article, url, null, DateTimeOffset.UnixEpoch);
                var chosen = normalizer.ChooseBody(input);
                var clean = Measure(counted ? tallies[3] : null, () => chosen.Tree is { } tree
                    ? chosen with { Html = cleaner.Clean(tree, chosen.BaseUrl).Html, Tree = null }
                    : chosen with { Html = cleaner.Clean(chosen.Html, chosen.BaseUrl) });
                var article = Measure(counted ? tallies[4] : null, () => normalizer.Normalize(input, clean));
                Measure(counted ? tallies[5] : null, () => ArticleJson.Serialize(article));
            }
        }

        Console.WriteLine($"{pages.Count} article pages, per article (thread CPU, allocated):");
        foreach (var tally in tallies)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {tally.Name,-32} {tally.CpuMs / pages.Count,7:F3} ms {tally.Allocated / 1024.0 / pages.Count,9:F0} KiB"));
        }

        return 0;
    }

    private static T Measure<T>(Tally? tally, Func<T> step)
    {
        if (tally is null)
        {
            return step();
        }

        var cpu = ThreadCpuClock.Now() ?? TimeSpan.Zero;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = step();
        tally.Allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        tally.CpuMs += ((ThreadCpuClock.Now() ?? TimeSpan.Zero) - cpu).TotalMilliseconds;
        return result;
    }
}

using System.Diagnostics;
using FeedHarvester.Decoding;
using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Eval;

/// <summary>Runs the extractor over every page of one data folder, timing each call.</summary>
public static class FolderRun
{
    private const int WarmUpPages = 5;

    public static List<PageResult> Run(string dataDir, IReadOnlyList<EvalPage> pages)
    {
        var extractor = new ArticleExtractor();
        var inputs = pages.Select(p => p.ReadHtml(dataDir)).ToList();

        // Warm-up so JIT time is not charged to the first pages.
        for (var i = 0; i < Math.Min(WarmUpPages, pages.Count); i++)
        {
            _ = extractor.TryExtract(Page(pages[i], inputs[i]));
        }

        var results = new List<PageResult>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = extractor.TryExtract(Page(pages[i], inputs[i]));
            var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var article = outcome.Article;
            var metadata = outcome.Metadata;
            var text = article?.ContentText ?? "";
            results.Add(new PageResult(pages[i], text, metadata?.Title, metadata?.Byline, metadata?.Published,
                article?.Path ?? outcome.Failure?.ToString() ?? "", took,
                ShingleMetric.ScorePage(pages[i].Id, pages[i].Body, text)) { PublishedFrom = metadata?.PublishedFrom ?? DateSource.None });
        }

        return results;
    }

    /// <summary>The metadata of every page as the extractor reads it (same decoding, same parser), without the body.</summary>
    public static List<PageResult> RunMetadata(string dataDir, IReadOnlyList<EvalPage> pages)
    {
        var parser = ArticleExtractor.CreateParser();
        var results = new List<PageResult>(pages.Count);
        foreach (var page in pages)
        {
            var start = Stopwatch.GetTimestamp();
            var document = parser.ParseDocument(PageDecoder.Decode(page.ReadHtml(dataDir), "text/html; charset=utf-8"));
            var metadata = MetadataReader.Read(document, new Uri(page.Url));
            var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            results.Add(new PageResult(page, "", metadata.Title, metadata.Byline, metadata.Published, "metadata-only", took,
                new PageScore(page.Id, 0, 0, 0, TokensEqual: false)) { PublishedFrom = metadata.PublishedFrom });
        }

        return results;
    }

    private static HtmlPage Page(EvalPage page, byte[] html) => new(html, "text/html; charset=utf-8", new Uri(page.Url));
}

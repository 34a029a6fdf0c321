using FeedHarvester.Extraction;

namespace FeedHarvester.Eval;

/// <summary>--trace ID: what the extractor decided on one page, to diagnose a low score.</summary>
public static class PageTracer
{
    public static int Print(IReadOnlyList<string> dataDirs, string id, TextWriter output)
    {
        foreach (var dataDir in dataDirs)
        {
            var page = EvalPage.Load(Path.Combine(dataDir, "ground-truth.json")).FirstOrDefault(p => p.Id.StartsWith(id, StringComparison.Ordinal));
            if (page is null)
            {
                continue;
            }

            var trace = new ExtractionTrace();
            var article = new ArticleExtractor().Extract(new HtmlPage(page.ReadHtml(dataDir), "text/html; charset=utf-8", new Uri(page.Url)), trace);
            output.WriteLine($"{page.Id} {page.PageType} {page.Url}");
            output.WriteLine("passes: " + string.Join("; ", trace.Passes));
            output.WriteLine("choice: " + string.Join("; ", trace.Choice));
            output.WriteLine("candidates: " + string.Join(" | ", trace.Candidates.Take(10)));
            foreach (var (node, reason) in trace.Removals)
            {
                output.WriteLine($"  removed {reason}: {node}");
            }

            var (missed, extra) = SentenceDiff.Compare(page.Body, article?.ContentText ?? "", samples: 15);
            missed.ForEach(m => output.WriteLine("missed: " + m));
            extra.ForEach(e => output.WriteLine("extra:  " + e));
            return 0;
        }

        Console.Error.WriteLine($"No page {id} in {string.Join(", ", dataDirs)}");
        return 2;
    }
}

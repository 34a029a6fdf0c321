using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using FeedHarvester.Decoding;
using FeedHarvester.Extraction;

namespace FeedHarvester.Benchmarks;

/// <summary>
/// Full extraction against AngleSharp's bare parse of the same pages: the Ratio column is the figure the
/// extraction issue sets a ceiling on (2.0). One operation is the whole DEV set, single thread.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmark
{
    private IReadOnlyList<DevPages.Page> _pages = [];
    private string[] _html = [];
    private readonly HtmlParser _parser = new();
    private readonly ArticleExtractor _extractor = new();

    [GlobalSetup]
    public void Setup()
    {
        _pages = DevPages.Load();
        // The baseline parses text, so decode once here; the extractor decodes bytes itself and is charged for it.
        _html = _pages.Select(p => PageDecoder.Decode(p.Body, "text/html; charset=utf-8")).ToArray();
    }

    [Benchmark(Baseline = true, Description = "AngleSharp ParseDocument")]
    public int Parse()
    {
        var nodes = 0;
        foreach (var html in _html)
        {
            using var document = _parser.ParseDocument(html);
            nodes += document.ChildElementCount;
        }

        return nodes;
    }

    [Benchmark(Description = "ArticleExtractor.Extract")]
    public int Extract()
    {
        var chars = 0;
        foreach (var page in _pages)
        {
            chars += _extractor.Extract(new HtmlPage(page.Body, "text/html; charset=utf-8", page.Url))?.ContentText.Length ?? 0;
        }

        return chars;
    }
}

using System.Text;
using FeedHarvester.Extraction;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Extraction;

/// <summary>Pages built to exhaust the extractor get a typed outcome, in bounded time and memory.</summary>
public sealed class HostilePageTests
{
    private static HtmlPage Page(string body) =>
        new(Encoding.UTF8.GetBytes("<!doctype html><html><head><title>T</title></head><body>" + body + "</body></html>"), "text/html", PageFixture.BaseUrl);

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    [Fact]
    public void TryExtract_MillionLevelsOfNesting_IsRefusedAsTooDeeplyNested()
    {
        var outcome = new ArticleExtractor().TryExtract(Page(Repeat("<div>", 1_000_000) + "text"));

        Assert.Null(outcome.Article);
        Assert.Equal(ExtractionFailure.TooDeeplyNested, outcome.Failure);
        Assert.StartsWith("too_deeply_nested: ", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryExtract_MillionParagraphs_IsRefusedAsTooManyElementsBeforeParsing()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var outcome = new ArticleExtractor().TryExtract(Page(Repeat("<p>a", 1_000_000)));

        Assert.Equal(ExtractionFailure.TooManyElements, outcome.Failure);
        Assert.StartsWith("too_many_elements: ", outcome.Reason, StringComparison.Ordinal);
        // The 4 MB page is decoded (8 MB of UTF-16) and scanned, never parsed: a tree of it would cost hundreds of MB.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void TryExtract_HundredThousandFlatParagraphs_ExtractsEveryParagraph()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            _ = body.Append("<p>Paragraph ").Append(i).Append(" of the story, long enough to count as prose.</p>");
        }

        // No time budget here: this is about the work being linear, which the budget would only hide.
        var unbounded = new ArticleExtractor(options: new ExtractionOptions { PageTimeBudget = TimeSpan.FromHours(1) });

        var outcome = unbounded.TryExtract(Page(body.ToString()));

        Assert.NotNull(outcome.Article);
        Assert.StartsWith("Paragraph 0 of the story", outcome.Article.ContentText, StringComparison.Ordinal);
        Assert.EndsWith("Paragraph 99999 of the story, long enough to count as prose.", outcome.Article.ContentText, StringComparison.Ordinal);
        Assert.Equal(100_000 * 11, outcome.Article.WordCount);
    }

    [Fact]
    public void TryExtract_PastThePageTimeBudget_StopsWithTimeBudgetExceeded()
    {
        var options = new ExtractionOptions { PageTimeBudget = TimeSpan.FromSeconds(5) };
        var extractor = new ArticleExtractor(options: options, timeProvider: new ClockAdvancingOnEveryRead(TimeSpan.FromSeconds(3)));

        var outcome = extractor.TryExtract(PageFixture.Load("sidebar-first-layout").Page());

        Assert.Null(outcome.Article);
        Assert.Equal(ExtractionFailure.TimeBudgetExceeded, outcome.Failure);
        Assert.StartsWith("time_budget_exceeded: extraction was stopped after 5 s", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryExtract_WithinThePageTimeBudget_ExtractsAsWithoutOne()
    {
        var page = PageFixture.Load("sidebar-first-layout").Page();
        var extractor = new ArticleExtractor(timeProvider: new ClockAdvancingOnEveryRead(TimeSpan.FromMilliseconds(1)));

        var outcome = extractor.TryExtract(page);

        Assert.Null(outcome.Failure);
        Assert.Equal(new ArticleExtractor().Extract(page)!.ContentText, outcome.Article!.ContentText);
    }

    [Fact]
    public void TryExtract_CallerCancelled_ThrowsInsteadOfReportingTheBudget()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new ArticleExtractor().TryExtract(PageFixture.Load("sidebar-first-layout").Page(), cancelled.Token));
    }
}

using System.Text;
using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Tests.Extraction;

/// <summary>Boundaries of the thresholds the extractor applies to whole results.</summary>
public sealed class ArticleExtractorThresholdTests
{
    private readonly ArticleExtractor _extractor = new();

    private (ExtractedArticle? Article, ExtractionTrace Trace) Run(string html)
    {
        var trace = new ExtractionTrace();
        var article = _extractor.Extract(new HtmlPage(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", PageFixture.BaseUrl), trace);
        return (article, trace);
    }

    private static string WithJsonLd(string domText, string articleBody) =>
        "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + articleBody +
        "\"}</script></head><body><div><p>" + domText + "</p></div></body></html>";

    [Fact]
    public void Extract_ResultAtMinArticleChars_StrictPassWins()
    {
        var (article, trace) = Run($"<html><body><div><p>{Dom.Prose(ExtractionThresholds.MinArticleChars)}</p></div></body></html>");

        Assert.Equal("readability", article!.Path);
        Assert.Single(trace.Passes);
    }

    [Fact]
    public void Extract_ResultBelowMinArticleChars_TriesRelaxedPasses()
    {
        var (_, trace) = Run($"<html><body><div><p>{Dom.Prose(ExtractionThresholds.MinArticleChars - 1)}</p></div></body></html>");

        Assert.Equal(4, trace.Passes.Count);
    }

    [Fact]
    public void Extract_ResultAtMinParagraphChars_IsAnArticle()
    {
        var (article, _) = Run($"<html><body><div><p>{Dom.Prose(ExtractionThresholds.MinParagraphChars)}</p></div></body></html>");

        Assert.NotNull(article);
    }

    [Fact]
    public void Extract_ResultBelowMinParagraphChars_FallsBackToTheTextFoundInsteadOfNothing()
    {
        var prose = Dom.Prose(ExtractionThresholds.MinParagraphChars - 1);

        var (article, trace) = Run($"<html><body><div><p>{prose}</p></div></body></html>");

        Assert.Equal(prose, article!.ContentText);
        Assert.Contains(trace.Choice, c => c.StartsWith("step: ", StringComparison.Ordinal));
    }

    [Fact]
    public void TryExtract_PageWithoutText_IsNoArticleButKeepsMetadata()
    {
        var html = "<html><head><title>Opening hours</title><meta name='author' content='Jane Doe'></head><body><div><img src='a.png'></div></body></html>";

        var outcome = _extractor.TryExtract(new HtmlPage(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", PageFixture.BaseUrl));

        Assert.Equal(ExtractionFailure.NoArticleText, outcome.Failure);
        Assert.Equal("Opening hours", outcome.Metadata!.Title);
        Assert.Equal("Jane Doe", outcome.Metadata.Byline);
    }

    [Fact]
    public void Extract_StructuredBodyAtMinStructuredBodyChars_IsUsedForThinDom()
    {
        var (article, _) = Run(WithJsonLd(Dom.Prose(40), Dom.Prose(ExtractionThresholds.MinStructuredBodyChars)));

        Assert.Equal("json-ld", article!.Path);
    }

    [Fact]
    public void Extract_StructuredBodyWithEscapedEntities_IsDecoded()
    {
        var body = Dom.Prose(ExtractionThresholds.MinStructuredBodyChars) + " Fish &amp; chips";

        var (article, _) = Run(WithJsonLd(Dom.Prose(40), body));

        Assert.Equal("json-ld", article!.Path);
        Assert.EndsWith("Fish & chips", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_StructuredBodyBelowMinStructuredBodyChars_IsIgnored()
    {
        var (article, _) = Run(WithJsonLd(Dom.Prose(40), Dom.Prose(ExtractionThresholds.MinStructuredBodyChars - 1)));

        Assert.NotEqual("json-ld", article!.Path);
    }

    [Fact]
    public void Extract_DomAtMinShareOfStructuredBody_KeepsDom()
    {
        // 100 structured words; the DOM holds 60 (the share exactly).
        var (article, _) = Run(WithJsonLd(Words("other", 60), Words("words", 100)));

        Assert.NotEqual("json-ld", article!.Path);
    }

    [Fact]
    public void Extract_DomBelowMinShareOfStructuredBody_UsesStructuredBody()
    {
        var (article, _) = Run(WithJsonLd(Words("other", 59), Words("words", 100)));

        Assert.Equal("json-ld", article!.Path);
    }

    private static string Words(string word, int count) => string.Join(' ', Enumerable.Repeat(word, count));
}

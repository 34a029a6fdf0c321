using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Html;
using FeedHarvester.Tests.Decoding;

namespace FeedHarvester.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Extract_SidebarFirstLayout_ExcludesTopStories()
    {
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(PageFixture.Load("sidebar-first-layout").Page(), trace);

        Assert.NotNull(article);
        Assert.DoesNotContain("Top Stories", article.ContentText, StringComparison.Ordinal);
        Assert.Contains(trace.Removals, r => r.Reason == RemovalReason.Teaser);
        Assert.Equal("readability", article.Path);
    }

    [Fact]
    public void Extract_SemanticArticleWithAside_DropsAsideAndKeepsBothHalves()
    {
        var article = _extractor.Extract(PageFixture.Load("semantic-article-with-aside").Page());

        Assert.NotNull(article);
        Assert.DoesNotContain("Related coverage", article.ContentText, StringComparison.Ordinal);
        Assert.StartsWith("The city council voted", article.ContentText, StringComparison.Ordinal);
        Assert.EndsWith("its vision.", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BrSeparatedParagraphs_SplitsParagraphsOnDoubleBr()
    {
        var fixture = PageFixture.Load("br-separated-paragraphs");

        var article = _extractor.Extract(fixture.Page());

        Assert.NotNull(article);
        Assert.Equal(fixture.ExpectedText, article.ContentText);
    }

    [Fact]
    public void Extract_BodySplitAroundMostReadBox_MergesBothPartsWithoutTheBox()
    {
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(PageFixture.Load("body-split-around-most-read-box").Page(), trace);

        Assert.NotNull(article);
        Assert.Contains("The city council voted", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("its vision.", article.ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CookieBannerAndNewsletter_RecordsConsentAndNewsletterRemovals()
    {
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(PageFixture.Load("cookie-banner-and-newsletter").Page(), trace);

        Assert.NotNull(article);
        Assert.Contains(trace.Removals, r => r.Reason == RemovalReason.Consent && r.Node.Contains("cookie", StringComparison.Ordinal));
        Assert.Contains(trace.Removals, r => r.Reason == RemovalReason.Newsletter);
    }

    [Fact]
    public void Extract_JsonLdArticleBody_UsesStructuredBodyWhenDomHoldsOnlyTeaser()
    {
        var article = _extractor.Extract(PageFixture.Load("json-ld-article-body").Page());

        Assert.NotNull(article);
        Assert.Equal("json-ld", article.Path);
        Assert.Equal(6, article.ContentText.Split("\n\n").Length);
    }

    [Fact]
    public void Extract_Windows1251MetaCharset_DecodesCyrillicWithoutHeaderCharset()
    {
        var article = _extractor.Extract(PageFixture.Load("windows-1251-meta-charset").Page("text/html"));

        Assert.NotNull(article);
        Assert.Contains("Городской совет", article.ContentText, StringComparison.Ordinal);
        Assert.Equal("ru", article.Language);
    }

    [Fact]
    public void Extract_Windows1251HeaderCharset_WinsOverMissingMeta()
    {
        var html = "<html><body><div><p>" + string.Concat(Enumerable.Repeat("Привет, мир. Это статья о парке и городе. ", 20)) + "</p></div></body></html>";
        var bytes = CodePages.Windows1251.GetBytes(html);

        var article = _extractor.Extract(new HtmlPage(bytes, "text/html; charset=windows-1251", PageFixture.BaseUrl));

        Assert.NotNull(article);
        Assert.Contains("Привет, мир.", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LinkDenseTeaserList_PrunesListAndReadMoreLine()
    {
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(PageFixture.Load("link-dense-teaser-list").Page(), trace);

        Assert.NotNull(article);
        Assert.Contains(trace.Removals, r => r.Reason == RemovalReason.LinkDense && r.Node.StartsWith("ul", StringComparison.Ordinal));
        Assert.Contains(trace.Removals, r => r.Reason == RemovalReason.InlinePromotion);
    }

    [Fact]
    public void Extract_NoArticleText_ReturnsNull()
    {
        Assert.Null(_extractor.Extract(PageFixture.Load("no-article-text").Page()));
    }

    [Fact]
    public void Extract_EmptyBody_ReturnsNull()
    {
        Assert.Null(_extractor.Extract(new HtmlPage(ReadOnlyMemory<byte>.Empty, null, PageFixture.BaseUrl)));
    }

    [Fact]
    public void Extract_AnyFixture_ContentTextHasNoTitleAndCountsWords()
    {
        var article = _extractor.Extract(PageFixture.Load("sidebar-first-layout").Page());

        Assert.NotNull(article);
        Assert.DoesNotContain("Council approves riverside park expansion", article.ContentText, StringComparison.Ordinal);
        Assert.Equal(HtmlText.CountWords(article.ContentText), article.WordCount);
        Assert.Contains("<p>", article.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ShortArticle_TriesEveryPassAndKeepsLongest()
    {
        var html = "<html><body><div><p>A short but real article paragraph, with commas, that a reader wants.</p></div></body></html>";
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), null, PageFixture.BaseUrl), trace);

        Assert.NotNull(article);
        Assert.Equal(4, trace.Passes.Count);
        Assert.Contains("a reader wants", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BodyUnderFurnitureNames_RelaxedPassWinsAndIsReported()
    {
        // Two of three body blocks carry a "promo" class: the strict pass strips them and keeps too little.
        var block = string.Concat(Enumerable.Repeat("The council met again on Tuesday, and the debate went on. ", 7));
        var html = $"<html><body><div class=\"promo-a\"><p>{block}</p></div><div class=\"promo-b\"><p>{block}</p></div>" +
                   $"<div class=\"c\"><p>{block[..300]}</p></div></body></html>";
        var trace = new ExtractionTrace();

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), null, PageFixture.BaseUrl), trace);

        Assert.NotNull(article);
        Assert.StartsWith("relaxed", article.Path, StringComparison.Ordinal);
        Assert.True(article.ContentText.Length >= FeedHarvester.Extraction.Heuristics.ExtractionThresholds.MinArticleChars);
        Assert.StartsWith("readability: ", trace.Passes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ShortPostUnderLongCommentThread_RelaxedPassesStillDropComments()
    {
        var post = "Our open thread is a place to raise questions about our work, in the comments below.";
        var comment = string.Concat(Enumerable.Repeat("I have a long question about your research, and about the method, and the data. ", 5));
        var html = $"<html><body><div class='post'><p>{post}</p></div><ol class='comment-list'>" +
                   string.Concat(Enumerable.Repeat($"<li class='comment'><p>{comment}</p></li>", 5)) + "</ol></body></html>";

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), null, PageFixture.BaseUrl));

        Assert.NotNull(article);
        Assert.Equal(post, article.ContentText);
    }

    [Fact]
    public void Extract_EmbeddedTweetBlockquote_IsKept()
    {
        var body = string.Concat(Enumerable.Repeat("<p>The senator spoke at length about the budget, the schools, and the roads.</p>", 8));
        var html = $"<html><body><div>{body}<blockquote class='twitter-tweet'><p>Quoted tweet text that belongs to the story.</p></blockquote></div></body></html>";

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), null, PageFixture.BaseUrl));

        Assert.Contains("Quoted tweet text", article!.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NewsletterCallToActionLine_IsDropped()
    {
        var body = string.Concat(Enumerable.Repeat("<p>The senator spoke at length about the budget, the schools, and the roads.</p>", 8));
        var html = $"<html><body><div>{body}<p>Get the latest updates in your inbox. Subscribe to our newsletters.</p></div></body></html>";

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), null, PageFixture.BaseUrl));

        Assert.DoesNotContain("inbox", article!.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ParallelCalls_GiveSameResult()
    {
        var page = PageFixture.Load("sidebar-first-layout").Page();
        var expected = _extractor.Extract(page)!.ContentText;

        var results = new string?[16];
        Parallel.For(0, results.Length, i => results[i] = _extractor.Extract(page)?.ContentText);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Extract_SpaceWrittenAsItsOwnSpan_StaysBetweenTheWords()
    {
        var prose = string.Concat(Enumerable.Repeat("The designers of the icons sold them to many buyers over the years, and they still do. ", 8));
        var html = $"<html><body><article><p>{prose}</p><p>Some designers got <a href='/r'><span>rich</span></a><span> </span>" +
                   "<a href='/s'><span>selling icon packs</span></a> to the makers of apps.</p></article></body></html>";

        var article = _extractor.Extract(new HtmlPage(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", PageFixture.BaseUrl));

        Assert.NotNull(article);
        Assert.Contains("got rich selling icon packs", article.ContentText, StringComparison.Ordinal);
    }
}

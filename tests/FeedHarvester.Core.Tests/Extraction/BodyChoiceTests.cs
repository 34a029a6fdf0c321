using System.Text;
using FeedHarvester.Extraction;

namespace FeedHarvester.Tests.Extraction;

/// <summary>
/// The second opinion: on a page that does not declare itself one article, the main region wins over a scored body
/// that is only a piece of it; on an article page, or when the scored body holds most of the region, the scored body
/// stays.
/// </summary>
public sealed class BodyChoiceTests
{
    private const string Section = "<section><h2>Heading {0}</h2><ul><li>First service we offer to clients</li><li>Second service we offer</li>" +
                                   "<li>Third service we offer</li></ul><p>A short line about section {0}.</p></section>";

    private static readonly string LongProse = string.Concat(Enumerable.Repeat(
        "The service team plans, builds and runs the systems, and reports on them every month. ", 8));

    private readonly ArticleExtractor _extractor = new();

    private (ExtractedArticle Article, ExtractionTrace Trace) Run(string head, string body)
    {
        var trace = new ExtractionTrace();
        var html = $"<html><head>{head}</head><body><header><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></header>" +
                   $"<main>{body}</main><footer><p>Copyright and all the footer words of the site.</p></footer></body></html>";
        var article = _extractor.Extract(new HtmlPage(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", PageFixture.BaseUrl), trace);
        return (article!, trace);
    }

    private static string ServicePage() =>
        $"<div><p>{LongProse}</p></div>" + string.Concat(Enumerable.Range(1, 6).Select(i => string.Format(null, Section, i)));

    [Fact]
    public void Extract_PageOfSectionsWithoutArticleVotes_TakesTheMainRegion()
    {
        var (article, trace) = Run("", ServicePage());

        Assert.Equal("main-region", article.Path);
        Assert.Contains("Heading 6", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("Third service we offer", article.ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("footer words", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("step: main-region", trace.Choice);
    }

    [Fact]
    public void Extract_SamePageDeclaredAnArticle_KeepsTheScoredBody()
    {
        var (article, trace) = Run("<meta property='og:type' content='article'>", ServicePage());

        Assert.Equal("readability", article.Path);
        Assert.DoesNotContain("Heading 6", article.ContentText, StringComparison.Ordinal);
        Assert.Empty(trace.Choice);
    }

    [Fact]
    public void Extract_ScoredBodyHoldingMostOfTheRegion_IsKept()
    {
        var (article, _) = Run("", $"<div><p>{LongProse}</p><p>{LongProse}</p></div><ul><li><a href='/x'>Related link one</a></li></ul>");

        Assert.Equal("readability", article.Path);
    }

    [Fact]
    public void Extract_ThreadDeclaredAsDiscussion_KeepsThePostsNamedComments()
    {
        var post = "<div class='comment'><p>I tried the update and the import still fails, with the same error as before.</p></div>";
        var head = "<script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\",\"headline\":\"Import fails\"}</script>";

        var (article, _) = Run(head, $"<div><p>{LongProse}</p></div>" + string.Concat(Enumerable.Repeat(post, 12)));

        Assert.Equal("main-region", article.Path);
        Assert.Contains("import still fails", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DeclaredArticleWhoseScoredBodyIsASliver_TakesTheMainRegion()
    {
        var items = string.Concat(Enumerable.Range(1, 40).Select(i =>
            $"<li><a href='/l{i}'>Language number {i}</a> is a language of its own kind</li>"));
        var body = "<div class='intro'><p>From the free encyclopedia of things.</p></div><ul>" + items + "</ul>";

        var (article, trace) = Run("<meta property='og:type' content='article'>", body);

        Assert.Equal("main-region", article.Path);
        Assert.Contains("Language number 40", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("step: main-region", trace.Choice);
    }

    [Fact]
    public void Extract_DeclaredArticleWithAShortBody_KeepsTheScoredBody()
    {
        var brief = "<article><p>The council approved the new budget on Tuesday, after a debate of four hours, with seven votes to two.</p>" +
                    "<p>The plan takes effect in January, and the mayor said so in a statement.</p></article>";
        var links = "<ul>" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<li><a href='/s{i}'>Another story number {i}</a></li>")) + "</ul>";

        var (article, _) = Run("<meta property='og:type' content='article'>", brief + links);

        Assert.Equal("readability", article.Path);
        Assert.DoesNotContain("Another story", article.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PageWhoseComponentClassNamesFurniture_ReadsTheRegionByStructure()
    {
        // Every block carries a component class with a furniture word in it: the class says nothing about content.
        var blocks = $"<div class='celwidget'><p>{LongProse}</p></div>" + string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class='celwidget'><h2>Feature {i}</h2><ul><li>Detail {i} of the product, as the maker states it</li>" +
            $"<li>Another detail of feature {i}, with its size and weight</li><li>A third detail of feature {i}</li></ul></div>"));

        var (article, trace) = Run("", blocks);

        Assert.Equal("main-region-unnamed", article.Path);
        Assert.Contains("Feature 6", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("Detail 1 of the product", article.ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("footer words", article.ContentText, StringComparison.Ordinal);
        Assert.Contains("step: main-region-unnamed", trace.Choice);
    }
}

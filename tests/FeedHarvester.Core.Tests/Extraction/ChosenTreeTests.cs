using System.Text;
using FeedHarvester.Extraction;
using FeedHarvester.Html;

namespace FeedHarvester.Tests.Extraction;

/// <summary>The extractor hands on the chosen body's element itself, so cleaning need not parse its HTML again.</summary>
public sealed class ChosenTreeTests
{
    private readonly ArticleExtractor _extractor = new();

    public static TheoryData<string> Fixtures() => [.. PageFixture.Slugs()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Extract_AnyPage_TreeWhenGivenHoldsExactlyWhatContentHtmlHolds(string slug)
    {
        var article = _extractor.Extract(PageFixture.Load(slug).Page());

        if (article?.Tree is { } tree)
        {
            Assert.Equal(article.ContentHtml, HtmlWriter.OuterHtml(tree));
        }
    }

    [Fact]
    public void Extract_ArticlePage_HandsOnTheChosenElement()
    {
        var article = _extractor.Extract(PageFixture.Load("newsletter-box-inside-article").Page());

        Assert.NotNull(article?.Tree);
    }

    [Fact]
    public void Extract_BodyFromJsonLd_HasNoTree()
    {
        var story = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} of the story tells what happened next in some detail."));
        var html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
            + System.Text.Json.JsonSerializer.Serialize(story) + "}</script></head><body><nav><a href=\"/\">Home</a></nav><p>Subscribe.</p></body></html>";

        var article = _extractor.Extract(new HtmlPage(Encoding.UTF8.GetBytes(html), "text/html", PageFixture.BaseUrl));

        Assert.NotNull(article);
        Assert.Equal("json-ld", article.Path);
        Assert.Null(article.Tree);
    }
}

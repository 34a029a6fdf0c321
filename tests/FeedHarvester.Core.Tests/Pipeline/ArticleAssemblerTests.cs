using FeedHarvester.Cleaning;
using FeedHarvester.Extraction;
using FeedHarvester.Html;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;
using FeedHarvester.Tests.Extraction;

namespace FeedHarvester.Tests.Pipeline;

public sealed class ArticleAssemblerTests
{
    private readonly ArticleAssembler _assembler = new(new ArticleNormalizer(), HtmlCleaner.Unbounded());

    [Fact]
    public void Assemble_PageBody_TextAndWordCountAreThoseOfTheSanitizedHtml()
    {
        var page = new ArticleExtractor().Extract(PageFixture.Load("newsletter-box-inside-article").Page());
        Assert.NotNull(page?.Tree);

        var article = _assembler.Assemble(Input(new ParsedEntry { Link = PageFixture.BaseUrl.AbsoluteUri, Title = "T" }, page));

        Assert.Equal(ExtractionInfo.PageMethod, article.Extraction.Method);
        Assert.Equal(HtmlText.ToPlainText(article.ContentHtml), article.ContentText);
        Assert.Equal(HtmlText.CountWords(article.ContentText), article.Extraction.WordCount);
        Assert.DoesNotContain("class=", article.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_FeedBody_SanitizesTheFeedsHtml()
    {
        var entry = new ParsedEntry { Link = PageFixture.BaseUrl.AbsoluteUri, Title = "T", Content = "<p onclick=\"x()\">Feed words here.</p><script>s()</script>" };

        var article = _assembler.Assemble(Input(entry, page: null));

        Assert.Equal(ExtractionInfo.FeedMethod, article.Extraction.Method);
        Assert.Equal("<p>Feed words here.</p>", article.ContentHtml);
        Assert.Equal("Feed words here.", article.ContentText);
    }

    private static NormalizationInput Input(ParsedEntry entry, ExtractedArticle? page) =>
        new("https://news.example.com/feed.xml", new ParsedFeed(), entry, page, page is null ? null : PageFixture.BaseUrl, null, DateTimeOffset.UnixEpoch);
}

using AngleSharp.Html.Parser;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Extraction;

public sealed class PageEvidenceReaderTests
{
    private static PageEvidence Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var scan = PageScan.Of(document);
        return PageEvidenceReader.Read(scan, new MetaTags(scan.Metas), JsonLdReader.DeclaredTypes(scan.JsonLdScripts));
    }

    [Fact]
    public void Read_JsonLdNewsArticle_VotesArticle()
    {
        var evidence = Read("<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\"}]}</script></head><body></body></html>");

        Assert.Equal(new PageEvidence(1, 0), evidence);
        Assert.True(evidence.IsArticle);
    }

    [Fact]
    public void Read_MicrodataProductAndOgProduct_VoteSpread()
    {
        var evidence = Read("<html><head><meta property='og:type' content='product'></head><body><div itemscope itemtype='https://schema.org/Product'></div></body></html>");

        Assert.Equal(new PageEvidence(0, 2), evidence);
        Assert.False(evidence.IsArticle);
    }

    [Fact]
    public void Read_ManyArticleElements_VoteSpreadAgainstOgArticle()
    {
        var cards = string.Concat(Enumerable.Repeat("<article><h2>Item</h2></article>", 3));

        var evidence = Read($"<html><head><meta property='og:type' content='article'></head><body>{cards}</body></html>");

        Assert.Equal(new PageEvidence(1, 1), evidence);
        Assert.False(evidence.IsArticle);
    }

    [Fact]
    public void Read_TwoArticleElements_CastNoVote()
    {
        var evidence = Read("<html><body><article>a</article><article>b</article></body></html>");

        Assert.Equal(new PageEvidence(0, 0), evidence);
    }
}

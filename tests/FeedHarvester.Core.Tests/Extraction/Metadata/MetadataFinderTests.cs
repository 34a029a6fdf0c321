using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Extraction.Metadata;

public sealed class MetadataFinderTests
{
    private static readonly Uri Url = new("https://news.example.com/2019/11/18/story.html");

    private static PageMetadata Read(string head, string body = "", string htmlAttributes = "") =>
        MetadataReader.Read(Dom.Parse($"<html {htmlAttributes}><head>{head}</head><body>{body}</body></html>"), Url);

    [Fact]
    public void Title_OgTitle_WinsOverTitleElement()
    {
        Assert.Equal("Real headline here", Read("<title>Other | Site</title><meta property='og:title' content='Real headline here'>").Title);
    }

    [Fact]
    public void Title_TitleElement_LosesSiteNameSuffix()
    {
        Assert.Equal("Council approves park expansion plan", Read("<title>Council approves park expansion plan | Riverside Gazette</title>").Title);
    }

    [Fact]
    public void Title_SiteNamePrefix_IsRemovedWhenSiteNameKnown()
    {
        var meta = Read("<meta property='og:site_name' content='Gazette'><title>Gazette - Park plan approved</title>");

        Assert.Equal("Park plan approved", meta.Title);
    }

    [Fact]
    public void Title_H1AgreeingWithOgTitle_IsTheVisibleHeadline()
    {
        var meta = Read("<meta property='og:title' content='Council approves park plan: what changes | Gazette'>",
            "<header><h1>Gazette</h1></header><article><h1>Council approves park plan</h1></article>");

        Assert.Equal("Council approves park plan", meta.Title);
    }

    [Fact]
    public void Title_H1InAuthorBoxNotAgreeing_LosesToOgTitle()
    {
        var meta = Read("<meta property='og:title' content='Council approves park plan'>", "<aside><h1>About Jane Doe</h1></aside>");

        Assert.Equal("Council approves park plan", meta.Title);
    }

    [Fact]
    public void Byline_JsonLdAuthorById_IsNamedFromTheGraph()
    {
        var ld = "{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"H\",\"author\":{\"@id\":\"#p1\"}},{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jane Doe\"}]}";

        Assert.Equal("Jane Doe", Read($"<script type='application/ld+json'>{ld}</script>").Byline);
    }

    [Fact]
    public void Byline_JsonLdPersonAndAMetaAuthorHandle_PersonsNameWins()
    {
        var ld = "{\"@type\":\"BlogPosting\",\"headline\":\"H\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}";

        Assert.Equal("Jane Doe", Read($"<meta name='author' content='janed42'><script type='application/ld+json'>{ld}</script>").Byline);
    }

    [Fact]
    public void Byline_SkipLinkWithAnAuthorClass_IsNoName()
    {
        var meta = Read("", "<a class='skip-link author-skip' href='#main'>Skip to content</a><span class='byline'>By John Roe</span>");

        Assert.Equal("John Roe", meta.Byline);
    }

    [Fact]
    public void Byline_MetaAuthorIsTheSiteName_FallsBackToTheByline()
    {
        var meta = Read("<meta property='og:site_name' content='Gazette'><meta name='author' content='Gazette'>", "<span class='byline'>By John Roe</span>");

        Assert.Equal("John Roe", meta.Byline);
        Assert.Equal(["John Roe"], meta.Authors);
    }

    [Fact]
    public void Title_H1_UsedWhenNoMeta()
    {
        Assert.Equal("Heading One", Read("", "<h1> Heading   One </h1>").Title);
    }

    [Fact]
    public void Byline_MetaAuthor_IsUsed()
    {
        Assert.Equal("Jane Doe", Read("<meta name='author' content='By Jane Doe'>").Byline);
    }

    [Fact]
    public void Byline_MetaAuthorUrl_FallsBackToJsonLd()
    {
        var meta = Read("<meta property='article:author' content='https://facebook.com/jane'>" +
                        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Jane Doe\"}}</script>");

        Assert.Equal("Jane Doe", meta.Byline);
    }

    [Fact]
    public void Byline_RelAuthor_UsedLast()
    {
        Assert.Equal("John Roe", Read("", "<a rel='author' href='/a'>John Roe</a>").Byline);
    }

    [Theory]
    [InlineData("<p>By <a href='/staff/jane'>Jane Doe</a></p>", "Jane Doe")]
    [InlineData("<div>Written by Jane Doe | March 3, 2024</div>", "Jane Doe")]
    [InlineData("<p>By Jane Doe on Monday, November 18th, 2019</p>", "Jane Doe")]
    [InlineData("<p>Von Hans Meier · 3 min</p>", "Hans Meier")]
    public void Byline_ByLineUnderTheHeadline_IsTheAuthorWithoutWhatFollowsTheName(string line, string author)
    {
        Assert.Equal(author, Read("", "<h1>Council approves park</h1>" + line + "<p>The council met.</p>").Byline);
    }

    [Fact]
    public void Byline_ByLineHoldingADate_IsNoAuthor()
    {
        Assert.Null(Read("", "<h1>Council approves park</h1><div>Written By Feb 11, 2019 · 3 min read</div><p>Text.</p>").Byline);
    }

    [Fact]
    public void Byline_ByLineFarBelowTheHeadline_IsNoAuthor()
    {
        static string Story(int blocks) => string.Concat(Enumerable.Repeat("<p>The council met and agreed.</p>", blocks));

        Assert.Null(Read("", "<h1>Council approves park</h1>" + Story(ExtractionThresholds.BylineBlocksAfterHeadline) + "<p>By Jane Doe</p>").Byline);
        Assert.Equal("Jane Doe", Read("", "<h1>Council approves park</h1>" + Story(ExtractionThresholds.BylineBlocksAfterHeadline - 1) + "<p>By Jane Doe</p>").Byline);
    }

    [Fact]
    public void Byline_LowerCaseByLine_IsProseNotAnAuthor()
    {
        Assert.Null(Read("", "<h1>Council approves park</h1><p>by the river, the park grows</p>").Byline);
    }

    [Fact]
    public void Published_JsonLd_WinsOverMeta()
    {
        var meta = Read("<meta property='article:published_time' content='2020-01-01T00:00:00Z'>" +
                        "<script type='application/ld+json'>[{\"@type\":\"BlogPosting\",\"datePublished\":\"2019-11-18T10:00:00+01:00\"}]</script>");

        Assert.Equal(new DateTimeOffset(2019, 11, 18, 10, 0, 0, TimeSpan.FromHours(1)), meta.Published);
    }

    [Fact]
    public void Published_MetaTags_Parsed()
    {
        var meta = Read("<meta property='article:published_time' content='2020-01-02T03:04:05Z'><meta property='article:modified_time' content='2020-01-03T00:00:00Z'>");

        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), meta.Published);
        Assert.Equal(new DateTimeOffset(2020, 1, 3, 0, 0, 0, TimeSpan.Zero), meta.Modified);
    }

    [Fact]
    public void Published_TimeElement_UsedWhenNoMeta()
    {
        Assert.Equal(new DateTimeOffset(2021, 5, 6, 0, 0, 0, TimeSpan.Zero),
            Read("", "<article><time datetime='2021-05-06'>May 6</time></article>").Published);
    }

    [Fact]
    public void Published_UrlDate_IsLastResort()
    {
        Assert.Equal(new DateTimeOffset(2019, 11, 18, 0, 0, 0, TimeSpan.Zero), Read("").Published);
    }

    [Fact]
    public void Published_InvalidUrlDate_IsNull()
    {
        Assert.Null(DateFinder.FromUrl(new Uri("https://x.example/2019/02/30/a")));
    }

    [Theory]
    [InlineData("lang='en-GB'", "", "en-GB")]
    [InlineData("", "<meta http-equiv='Content-Language' content='de'>", "de")]
    [InlineData("", "<meta property='og:locale' content='fr_FR'>", "fr-FR")]
    [InlineData("", "", null)]
    public void Language_FromHtmlLangOrMeta(string htmlAttributes, string head, string? expected)
    {
        Assert.Equal(expected, Read(head, "", htmlAttributes).Language);
    }

    [Fact]
    public void LeadImage_OgImage_MadeAbsolute()
    {
        Assert.Equal("https://news.example.com/img/a.jpg", Read("<meta property='og:image' content='/img/a.jpg'>").LeadImage);
    }

    [Fact]
    public void LeadImage_FirstFigureImage_WhenNoMeta()
    {
        Assert.Equal("https://news.example.com/2019/11/18/b.png", Read("", "<figure><img src='b.png'></figure>").LeadImage);
    }

    [Fact]
    public void Canonical_LinkRel_MadeAbsolute()
    {
        Assert.Equal("https://news.example.com/story", Read("<link rel='canonical' href='/story'><meta property='og:url' content='https://other.example/x'>").CanonicalUrl);
    }

    [Fact]
    public void Canonical_OgUrl_WhenNoLink()
    {
        Assert.Equal("https://other.example/x", Read("<meta property='og:url' content='https://other.example/x'>").CanonicalUrl);
    }

    [Fact]
    public void SiteName_JsonLdPublisher_WhenNoOgSiteName()
    {
        var meta = Read("<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"publisher\":{\"name\":\"The Paper\"}}]}</script>");

        Assert.Equal("The Paper", meta.SiteName);
    }

    [Fact]
    public void JsonLd_BrokenBlock_IsSkipped()
    {
        var meta = Read("<script type='application/ld+json'>{ nope </script><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Ok\"}</script>");

        Assert.Equal("Ok", meta.Title);
    }
}

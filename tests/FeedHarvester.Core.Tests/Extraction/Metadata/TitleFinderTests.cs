using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Extraction.Metadata;

/// <summary>Issue 18: the title is the page's own headline, not a site header's, an author box's or a dressed-up copy.</summary>
public sealed class TitleFinderTests
{
    private static string? Title(string head, string body, string url = "https://blog.example.org/post/1") =>
        MetadataReader.Read(Dom.Parse($"<html><head>{head}</head><body>{body}</body></html>"), new Uri(url)).Title;

    [Fact]
    public void Title_H1SharingMostWordsWithOgTitle_IsTheVisibleHeadline()
    {
        var title = Title("<meta property='og:title' content='Health And Nutrition Trends For 2026 - Tastes'>",
            "<h1>Top 10 Health and Nutrition Trends to Watch</h1>");

        Assert.Equal("Top 10 Health and Nutrition Trends to Watch", title);
    }

    [Fact]
    public void Title_SiteNameH1ContainedInTheTitleElement_LosesToOgTitle()
    {
        var title = Title("<title>Engine Data Blog: Small adventures with small models</title><meta property='og:title' content='Small adventures with small models'>",
            "<header><h1>Engine Data Blog</h1></header><h2>Small adventures with small models</h2>");

        Assert.Equal("Small adventures with small models", title);
    }

    [Fact]
    public void Title_H1IsTheHostName_TitleElementWithoutItIsTheHeadline()
    {
        var title = Title("<title>blog.example.org Vibe Coding</title>", "<h1>blog.example.org</h1><p>Text.</p>");

        Assert.Equal("Vibe Coding", title);
    }

    [Fact]
    public void Title_ForumBreadcrumbTitleAndSiteH1_TopicWithoutTheBoardAndForumNames()
    {
        var title = Title("<title>What happened with the installer in 2024 / General Discussion / Example Forums</title>",
            "<h1>Example</h1><h2>#1 2025-11-01</h2>");

        Assert.Equal("What happened with the installer in 2024", title);
    }

    [Theory]
    [InlineData("Thread: What do you look for in a web host?")]
    [InlineData("Dec 18 2025 What do you look for in a web host?")]
    public void Title_H1IsTheDeclaredTitleWithAShortPrefix_DeclaredTitleWins(string h1)
    {
        var title = Title("<meta name='twitter:title' content='What do you look for in a web host?'>", $"<h1>{h1}</h1>");

        Assert.Equal("What do you look for in a web host?", title);
    }

    [Fact]
    public void Title_H1WithASubtitleAfterTheDeclaredTitle_KeepsTheWholeHeading()
    {
        var title = Title("<meta property='og:title' content='The river crossing'>", "<h1>The river crossing: what the council decided</h1>");

        Assert.Equal("The river crossing: what the council decided", title);
    }

    [Fact]
    public void Title_PermalinkMarkAfterHeading_IsDropped()
    {
        var title = Title("", "<h1>Quickstart<a class='headerlink' href='#q'>¶</a></h1>");

        Assert.Equal("Quickstart", title);
    }

    [Fact]
    public void Title_LineBreakInsideH1_ReadAsASpace()
    {
        var title = Title("<title>News Product Management Certification — Alliance</title>", "<h1>News Product<br>Management Certification</h1>");

        Assert.Equal("News Product Management Certification", title);
    }

    [Theory]
    [InlineData("Alpha Beta Gamma Delta", "Alpha Beta Epsilon Zeta", true)] // half of each side's words shared
    [InlineData("Alpha Beta Gamma Delta", "Alpha Epsilon Zeta Eta", false)] // a quarter
    [InlineData("Arch Linux", "What happened with Arch Linux ISO in 2024", false)] // all of the heading, little of the title
    public void Agrees_AtTheSharedWordsBoundary(string heading, string title, bool agrees)
    {
        Assert.Equal(0.5, TitleVocabulary.MinSharedWords);
        Assert.Equal(agrees, TitleFinder.Agrees(heading, title));
    }
}

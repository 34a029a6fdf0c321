using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

/// <summary>RFC 9309 parsing and matching, one rule per case.</summary>
public sealed class RobotsTxtTests
{
    private const string Us = "FeedHarvester";

    [Theory]
    [InlineData("/news/story.html", false)]
    [InlineData("/news/public/story.html", true)]
    [InlineData("/other", true)]
    public void IsAllowed_AllowAndDisallow_LongestMatchWins(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /news/\nAllow: /news/public/\n", Us);

        Assert.Equal(expected, robots.IsAllowed(path));
    }

    [Fact]
    public void IsAllowed_AllowAndDisallowOfEqualLength_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", Us);

        Assert.True(robots.IsAllowed("/page"));
    }

    [Theory]
    [InlineData("/a/private/b.html", false)]
    [InlineData("/a/b/private", false)]
    [InlineData("/private", true)]
    public void IsAllowed_StarWildcard_MatchesAnySequence(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*/private\n", Us);

        Assert.Equal(expected, robots.IsAllowed(path));
    }

    [Theory]
    [InlineData("/file.pdf", false)]
    [InlineData("/file.pdf?x=1", true)]
    [InlineData("/file.pdf.html", true)]
    public void IsAllowed_DollarAnchor_MatchesOnlyTheEnd(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\n", Us);

        Assert.Equal(expected, robots.IsAllowed(path));
    }

    [Theory]
    [InlineData("/Secret/x", false)]
    [InlineData("/secret/x", true)]
    public void IsAllowed_Paths_CaseSensitive(string path, bool expected)
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /Secret\n", Us);

        Assert.Equal(expected, robots.IsAllowed(path));
    }

    [Fact]
    public void Parse_GroupForOurProductToken_UsedInsteadOfStar()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: feedharvester/2.0\nDisallow: /drafts/\n", Us);

        Assert.True(robots.IsAllowed("/news/1.html"));
        Assert.False(robots.IsAllowed("/drafts/1.html"));
    }

    [Fact]
    public void Parse_EmptyGroupForUs_AllowsEverythingDespiteStar()
    {
        var robots = RobotsTxt.Parse("User-agent: FeedHarvester\nDisallow:\n\nUser-agent: *\nDisallow: /\n", Us);

        Assert.True(robots.IsAllowed("/news/1.html"));
    }

    [Fact]
    public void Parse_OtherCrawlersGroupOnly_EverythingAllowed()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nDisallow: /\n", Us);

        Assert.True(robots.IsAllowed("/news/1.html"));
    }

    [Fact]
    public void Parse_SeveralAgentLinesShareAGroup_RulesApplyToEach()
    {
        var robots = RobotsTxt.Parse("User-agent: Googlebot\nUser-agent: FeedHarvester\nDisallow: /x\n", Us);

        Assert.False(robots.IsAllowed("/x/1"));
    }

    [Fact]
    public void Parse_TwoGroupsForUs_RulesCombined()
    {
        var robots = RobotsTxt.Parse("User-agent: FeedHarvester\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nUser-agent: FeedHarvester\nDisallow: /c\n", Us);

        Assert.False(robots.IsAllowed("/a"));
        Assert.True(robots.IsAllowed("/b"));
        Assert.False(robots.IsAllowed("/c"));
    }

    [Fact]
    public void Parse_RulesBeforeAnyUserAgent_Ignored()
    {
        var robots = RobotsTxt.Parse("Disallow: /\nUser-agent: *\nDisallow: /private\n", Us);

        Assert.True(robots.IsAllowed("/news"));
        Assert.False(robots.IsAllowed("/private"));
    }

    [Fact]
    public void Parse_CommentsSitemapAndCrlf_DoNotBreakTheGroup()
    {
        var robots = RobotsTxt.Parse("# hello\r\nUser-agent: * # everyone\r\nSitemap: https://example.org/sitemap.xml\r\nDisallow: /tmp # scratch\r\n", Us);

        Assert.False(robots.IsAllowed("/tmp/1"));
        Assert.True(robots.IsAllowed("/news"));
    }

    [Fact]
    public void IsAllowed_RobotsTxtItself_AlwaysAllowed()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n", Us);

        Assert.True(robots.IsAllowed("/robots.txt"));
        Assert.False(robots.IsAllowed("/"));
    }

    [Fact]
    public void IsAllowed_NonAsciiPattern_MatchesThePercentEncodedPath()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /café\n", Us);

        Assert.False(robots.IsAllowed(new Uri("http://example.org/café/1").PathAndQuery));
        Assert.False(robots.IsAllowed("/caf%c3%a9/1"));
    }

    [Theory]
    [InlineData("FeedHarvester/0.1.0 (+https://github.com/feedharvester/feedharvester)", "FeedHarvester")]
    [InlineData("NewsBot", "NewsBot")]
    public void ProductTokenOf_UserAgent_TheLeadingToken(string userAgent, string expected)
    {
        Assert.Equal(expected, RobotsTxt.ProductTokenOf(userAgent));
    }
}

using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Metadata;
using FeedHarvester.Extraction.Scoring;

namespace FeedHarvester.Tests.Extraction;

/// <summary>One named case on each side of every threshold, so retuning a number is a visible change.</summary>
public sealed class ExtractionThresholdsTests
{
    private static ContentPruner Pruner(ExtractionFlags flags = ExtractionFlags.All) => new(new NodeRemover(null), flags);

    private static string Links(int linkChars, int plainChars) =>
        $"<div id='b'><a href='/x'>{Dom.Prose(linkChars)}</a>{Dom.Prose(plainChars)}</div>";

    [Fact]
    public void Score_ParagraphAtMinParagraphChars_IsScored()
    {
        var doc = Dom.Parse($"<body><div id='c'><p>{Dom.Prose(ExtractionThresholds.MinParagraphChars)}</p></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        Assert.True(scorer.IsCandidate(doc.GetElementById("c")!));
    }

    [Fact]
    public void Score_ParagraphBelowMinParagraphChars_IsNotScored()
    {
        var doc = Dom.Parse($"<body><div id='c'><p>{Dom.Prose(ExtractionThresholds.MinParagraphChars - 1)}</p></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        Assert.False(scorer.IsCandidate(doc.GetElementById("c")!));
    }

    [Fact]
    public void Prune_LinkDensityAtMaxLinkDensity_KeepsBlock()
    {
        // 33 of 100 characters linked: exactly at the limit is still prose.
        var block = Dom.Element(Links(33, 67), "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_LinkDensityAboveMaxLinkDensity_RemovesBlockAsLinkDense()
    {
        var block = Dom.Element(Links(40, 60), "#b");

        Assert.Equal(RemovalReason.LinkDense, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_PositiveBlockAtMaxLinkDensityWhenPositive_KeepsBlock()
    {
        var block = Dom.Element($"<div id='b' class='article-text'><a href='/x'>{Dom.Prose(50)}</a>{Dom.Prose(50)}</div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_PositiveBlockAboveMaxLinkDensityWhenPositive_RemovesBlock()
    {
        var block = Dom.Element($"<div id='b' class='article-text'><a href='/x'>{Dom.Prose(60)}</a>{Dom.Prose(40)}</div>", "#b");

        Assert.Equal(RemovalReason.LinkDense, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_LinkDenseBlockWithProseCommaCount_IsKept()
    {
        var commas = string.Concat(Enumerable.Repeat("a, ", ExtractionThresholds.ProseCommaCount));
        var block = Dom.Element($"<div id='b'><a href='/x'>{Dom.Prose(80)}</a> {commas}</div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_LinkDenseBlockWithOneCommaFewer_IsRemoved()
    {
        var commas = string.Concat(Enumerable.Repeat("a, ", ExtractionThresholds.ProseCommaCount - 1));
        var block = Dom.Element($"<div id='b'><a href='/x'>{Dom.Prose(80)}</a> {commas}</div>", "#b");

        Assert.Equal(RemovalReason.LinkDense, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_BlockAtMinBlockChars_IsKept()
    {
        var block = Dom.Element($"<div id='b'>{Dom.Prose(ExtractionThresholds.MinBlockChars)}</div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_BlockBelowMinBlockChars_IsRemovedAsEmptyShell()
    {
        var block = Dom.Element($"<div id='b'>{Dom.Prose(ExtractionThresholds.MinBlockChars - 1)}</div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_WithoutCleanConditionally_KeepsLinkDenseBlock()
    {
        var doc = Dom.Parse($"<body><div id='a'><p>{Dom.Prose(200)}</p>{Links(90, 9)}</div></body>");

        Pruner(ExtractionFlags.None).Prune(doc.GetElementById("a")!, title: null);

        Assert.NotNull(doc.GetElementById("b"));
    }

    [Fact]
    public void Sibling_ParagraphAtMinSiblingParagraphChars_IsProse()
    {
        var p = Dom.Element($"<p>{Dom.Prose(ExtractionThresholds.MinSiblingParagraphChars)}</p>", "p");

        Assert.True(SiblingMerger.IsProse(p));
    }

    [Fact]
    public void Sibling_ShortParagraphWithoutSentenceEnd_IsNotProse()
    {
        var p = Dom.Element($"<p>{Dom.Prose(ExtractionThresholds.MinSiblingParagraphChars - 1)}</p>", "p");

        Assert.False(SiblingMerger.IsProse(p));
    }

    [Fact]
    public void Sibling_LongParagraphBelowMaxSiblingLinkDensity_IsProse()
    {
        var p = Dom.Element($"<p><a href='/x'>{Dom.Prose(24)}</a> {Dom.Prose(75)}</p>", "p");

        Assert.True(SiblingMerger.IsProse(p));
    }

    [Fact]
    public void Sibling_LongParagraphAtMaxSiblingLinkDensity_IsNotProse()
    {
        var p = Dom.Element($"<p><a href='/x'>{Dom.Prose(25)}</a> {Dom.Prose(74)}</p>", "p");

        Assert.False(SiblingMerger.IsProse(p));
    }

    [Fact]
    public void Teaser_HeadingAtMaxTeaserHeadingChars_IsTeaser()
    {
        var text = "More from " + Dom.Prose(ExtractionThresholds.MaxTeaserHeadingChars - 10);
        var heading = Dom.Element($"<h3>{text}</h3>", "h3");

        Assert.True(TeaserBoxRemover.IsTeaserHeading(heading));
    }

    [Fact]
    public void Teaser_HeadingAboveMaxTeaserHeadingChars_IsRealSubheading()
    {
        var text = "More from " + Dom.Prose(ExtractionThresholds.MaxTeaserHeadingChars - 9);
        var heading = Dom.Element($"<h3>{text}</h3>", "h3");

        Assert.False(TeaserBoxRemover.IsTeaserHeading(heading));
    }

    [Fact]
    public void Teaser_BoxAtMinTeaserLinkDensity_IsRemoved()
    {
        // "Related" (7) + 7 linked + 6 plain characters: 7 of 20 = 0.35, exactly the threshold, is a teaser box.
        var doc = Dom.Parse("<body><div id='a'><p>" + Dom.Prose(400) + "</p><div id='box'><h4>Related</h4><a href='/x'>linkedx</a>plainx</div></div></body>");
        var remover = new NodeRemover(null);

        TeaserBoxRemover.Remove(doc.GetElementById("a")!, remover, pageChars: 1000);

        Assert.Null(doc.GetElementById("box"));
    }

    [Fact]
    public void Teaser_BoxBelowMinTeaserLinkDensity_KeepsBoxButDropsHeading()
    {
        var doc = Dom.Parse("<body><div id='a'><p>" + Dom.Prose(400) + "</p><div id='box'><h4>Related</h4><a href='/x'>linkedx</a>plainxx</div></div></body>");
        var remover = new NodeRemover(null);

        TeaserBoxRemover.Remove(doc.GetElementById("a")!, remover, pageChars: 1000);

        Assert.NotNull(doc.GetElementById("box"));
        Assert.Null(doc.QuerySelector("h4"));
    }

    [Fact]
    public void Meta_BylineAtMaxMetaLineChars_IsRemoved()
    {
        var doc = Dom.Parse($"<body><div id='a'><p>{Dom.Prose(300)}</p><p id='by'>By Jane {Dom.Prose(ExtractionThresholds.MaxMetaLineChars - 8)}</p></div></body>");

        Pruner().Prune(doc.GetElementById("a")!, title: null);

        Assert.Null(doc.GetElementById("by"));
    }

    [Fact]
    public void Meta_ByLineAboveMaxMetaLineChars_IsProse()
    {
        var doc = Dom.Parse($"<body><div id='a'><p>{Dom.Prose(300)}</p><p id='by'>By Jane {Dom.Prose(ExtractionThresholds.MaxMetaLineChars - 7)}</p></div></body>");

        Pruner().Prune(doc.GetElementById("a")!, title: null);

        Assert.NotNull(doc.GetElementById("by"));
    }

    [Fact]
    public void Cleaner_FurnitureNamedBlockHoldingMostText_IsKept()
    {
        var doc = Dom.Parse($"<body><div id='s' class='sidebar'><p>{Dom.Prose(600)}</p></div><div>{Dom.Prose(400)}</div></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.NotNull(doc.GetElementById("s"));
    }

    [Fact]
    public void Cleaner_FurnitureNamedBlockHoldingHalfTheText_IsRemoved()
    {
        var doc = Dom.Parse($"<body><div id='s' class='sidebar'><p>{Dom.Prose(500)}</p></div><div>{Dom.Prose(500)}</div></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.Null(doc.GetElementById("s"));
    }

    [Fact]
    public void Cleaner_MostOfTinyPageBelowMinProtectedChars_IsRemoved()
    {
        var doc = Dom.Parse($"<body><nav id='n'>{Dom.Prose(ExtractionThresholds.MinProtectedChars - 1)}</nav></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.Null(doc.GetElementById("n"));
    }

    [Fact]
    public void Cleaner_MostOfPageAtMinProtectedChars_IsKept()
    {
        var doc = Dom.Parse($"<body><nav id='n'>{Dom.Prose(ExtractionThresholds.MinProtectedChars)}</nav></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.NotNull(doc.GetElementById("n"));
    }

    private static string Items(int count) => string.Concat(Enumerable.Repeat("<li>item</li>", count));

    [Fact]
    public void Prune_ListItemsAtListItemsBeyondParagraphs_KeepsBlock()
    {
        var block = Dom.Element($"<div id='b'><p>{Dom.Prose(30)}</p><ul>{Items(1 + ExtractionThresholds.ListItemsBeyondParagraphs)}</ul></div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_OneListItemBeyondListItemsBeyondParagraphs_RemovesBlock()
    {
        var block = Dom.Element($"<div id='b'><p>{Dom.Prose(30)}</p><ul>{Items(2 + ExtractionThresholds.ListItemsBeyondParagraphs)}</ul></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_ImagesBelowMinGalleryImagesWithoutParagraphs_KeepsBlock()
    {
        var images = string.Concat(Enumerable.Repeat("<img src='a.jpg'>", ExtractionThresholds.MinGalleryImages - 1));
        var block = Dom.Element($"<div id='b'>{images}{Dom.Prose(100)}</div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_MinGalleryImagesWithoutParagraphs_RemovesBlockAsGallery()
    {
        var images = string.Concat(Enumerable.Repeat("<img src='a.jpg'>", ExtractionThresholds.MinGalleryImages));
        var block = Dom.Element($"<div id='b'>{images}{Dom.Prose(100)}</div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_ImagesAtMinParagraphsPerImage_KeepsBlock()
    {
        // One paragraph for two images: exactly MinParagraphsPerImage (0.5).
        var block = Dom.Element($"<div id='b'><img src='a.jpg'><img src='b.jpg'><p>{Dom.Prose(100)}</p></div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_ImagesBelowMinParagraphsPerImage_RemovesBlockAsGallery()
    {
        var block = Dom.Element($"<div id='b'><img src='a.jpg'><img src='b.jpg'><img src='c.jpg'><p>{Dom.Prose(100)}</p></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_ShortBlockWithMaxImagesInShortBlock_IsKept()
    {
        var images = string.Concat(Enumerable.Repeat("<img src='a.jpg'>", ExtractionThresholds.MaxImagesInShortBlock));
        var block = Dom.Element($"<div id='b'>{images}<p>one</p><p>two</p><p>three</p></div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_ShortBlockWithOneImageMore_IsRemovedAsThumbnailStrip()
    {
        var images = string.Concat(Enumerable.Repeat("<img src='a.jpg'>", ExtractionThresholds.MaxImagesInShortBlock + 1));
        var block = Dom.Element($"<div id='b'>{images}<p>one</p><p>two</p><p>three</p></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_EmbedsBelowMinGalleryEmbedsWithLittleText_KeepsBlock()
    {
        var videos = string.Concat(Enumerable.Repeat("<video></video>", ExtractionThresholds.MinGalleryEmbeds - 1));
        var block = Dom.Element($"<div id='b'>{videos}<p>{Dom.Prose(ExtractionThresholds.MinTextCharsWithEmbeds - 1)}</p></div>", "#b");

        Assert.Null(Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Prune_MinGalleryEmbedsWithLittleText_RemovesBlockAsWidget()
    {
        var videos = string.Concat(Enumerable.Repeat("<video></video>", ExtractionThresholds.MinGalleryEmbeds));
        var block = Dom.Element($"<div id='b'>{videos}<p>{Dom.Prose(ExtractionThresholds.MinTextCharsWithEmbeds - 1)}</p></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, Pruner().ShouldRemove(block));
    }

    [Fact]
    public void Score_ContainerAtScoredAncestorLevels_ReceivesPoints()
    {
        var doc = Dom.Parse($"<body><div id='l3'><div id='l2'><div id='l1'><div id='l0'><p>{Dom.Prose(100)}</p></div></div></div></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        Assert.True(scorer.IsCandidate(doc.GetElementById($"l{ExtractionThresholds.ScoredAncestorLevels - 1}")!));
    }

    [Fact]
    public void Score_ContainerOneLevelBeyondScoredAncestorLevels_ReceivesNothing()
    {
        var doc = Dom.Parse($"<body><div id='l3'><div id='l2'><div id='l1'><div id='l0'><p>{Dom.Prose(100)}</p></div></div></div></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        Assert.False(scorer.IsCandidate(doc.GetElementById($"l{ExtractionThresholds.ScoredAncestorLevels}")!));
    }

    [Fact]
    public void Score_ParagraphPoints_DividedByLevel()
    {
        var doc = Dom.Parse($"<body><div id='l3'><div id='l2'><div id='l1'><div id='l0'><p>{Dom.Prose(150)}</p></div></div></div></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        var points = ExtractionThresholds.PointsPerParagraph + 150.0 / ExtractionThresholds.CharsPerLengthPoint;
        var start = ExtractionThresholds.ContentContainerScore;
        Assert.Equal(start + points, scorer.ScoreOf(doc.GetElementById("l0")!));
        Assert.Equal(start + points / ExtractionThresholds.SecondLevelDivider, scorer.ScoreOf(doc.GetElementById("l1")!));
        Assert.Equal(start + points / (2 * ExtractionThresholds.DividerPerFurtherLevel), scorer.ScoreOf(doc.GetElementById("l2")!));
    }

    [Theory]
    [InlineData("<div id='c'>{0}</div>", ExtractionThresholds.ContentContainerScore)]
    [InlineData("<article id='c'>{0}</article>", ExtractionThresholds.ContentContainerScore)]
    [InlineData("<blockquote id='c'>{0}</blockquote>", ExtractionThresholds.TextContainerScore)]
    [InlineData("<table><tr><td id='c'>{0}</td></tr></table>", ExtractionThresholds.TextContainerScore)]
    [InlineData("<form id='c'>{0}</form>", ExtractionThresholds.ListContainerScore)]
    [InlineData("<ul><li id='c'>{0}</li></ul>", ExtractionThresholds.ListContainerScore)]
    [InlineData("<h2 id='c'>{0}</h2>", ExtractionThresholds.HeadingScore)]
    [InlineData("<section id='c'>{0}</section>", 0.0)]
    public void Score_Container_StartsAtTheScoreOfItsTag(string container, double start)
    {
        var doc = Dom.Parse($"<body>{string.Format(System.Globalization.CultureInfo.InvariantCulture, container, $"<p>{Dom.Prose(100)}</p>")}</body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);

        _ = scorer.Score(doc.Body!);

        var points = ExtractionThresholds.PointsPerParagraph + 100.0 / ExtractionThresholds.CharsPerLengthPoint;
        Assert.Equal(start + points, scorer.ScoreOf(doc.GetElementById("c")!));
    }

    [Fact]
    public void Teaser_RawHeadingTextAtMaxTeaserHeadingRawChars_IsTeaser()
    {
        var text = "Most read".PadRight(ExtractionThresholds.MaxTeaserHeadingRawChars);
        var heading = Dom.Element($"<h3>{text}</h3>", "h3");

        Assert.True(TeaserBoxRemover.IsTeaserHeading(heading));
    }

    [Fact]
    public void Teaser_RawHeadingTextAboveMaxTeaserHeadingRawChars_IsNotRead()
    {
        var text = "Most read".PadRight(ExtractionThresholds.MaxTeaserHeadingRawChars + 1);
        var heading = Dom.Element($"<h3>{text}</h3>", "h3");

        Assert.False(TeaserBoxRemover.IsTeaserHeading(heading));
    }

    [Fact]
    public void Title_LabelOfMaxSiteLabelWords_IsCut()
    {
        Assert.Equal("Council approves riverside park expansion",
            TitleFinder.StripSiteName("Council approves riverside park expansion | The Riverside Gazette", siteName: null));
    }

    [Fact]
    public void Title_LabelOfOneWordMore_IsKept()
    {
        const string Title = "Council approves riverside park expansion | The Riverside Evening Gazette";

        Assert.Equal(Title, TitleFinder.StripSiteName(Title, siteName: null));
    }

    [Fact]
    public void Title_HeadlineOfMinHeadlineWordsBesideLabel_LosesTheLabel()
    {
        Assert.Equal("Council approves park expansion", TitleFinder.StripSiteName("Council approves park expansion | Gazette", siteName: null));
    }

    [Fact]
    public void Title_HeadlineOfOneWordFewer_KeepsTheLabel()
    {
        Assert.Equal("Council approves expansion | Gazette", TitleFinder.StripSiteName("Council approves expansion | Gazette", siteName: null));
    }

    private static JsonLdArticle? JsonLdNestedIn(int containers)
    {
        var json = "{\"@type\":\"NewsArticle\",\"headline\":\"Nested\"}";
        for (var i = 0; i < containers; i++)
        {
            json = $"{{\"@graph\":{json}}}";
        }

        return JsonLdReader.Read(Dom.Parse($"<head><script type='application/ld+json'>{json}</script></head>"));
    }

    [Fact]
    public void JsonLd_ArticleNestedMaxJsonLdNestingDeep_IsFound()
    {
        Assert.Equal("Nested", JsonLdNestedIn(ExtractionThresholds.MaxJsonLdNesting)?.Headline);
    }

    [Fact]
    public void JsonLd_ArticleNestedOneDeeper_IsNotLookedFor()
    {
        Assert.Null(JsonLdNestedIn(ExtractionThresholds.MaxJsonLdNesting + 1));
    }
}

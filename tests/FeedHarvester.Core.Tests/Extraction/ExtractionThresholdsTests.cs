using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
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
}

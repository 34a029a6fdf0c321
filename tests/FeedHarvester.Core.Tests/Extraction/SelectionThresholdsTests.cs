using AngleSharp.Dom;
using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Scoring;

namespace FeedHarvester.Tests.Extraction;

/// <summary>
/// Boundaries of the thresholds that choose and widen the article container (ClassWeight, StructuredBodyWeight,
/// TopCandidates, CloseCandidateRatio, ParentScoreFloorDivisor, SiblingScoreRatio) and of MinTextCharsWithEmbeds:
/// one named case on each side.
/// </summary>
public sealed class SelectionThresholdsTests
{
    private const double Best = 100;

    private static (IDocument Doc, IElement[] Blocks) Siblings(int count)
    {
        var html = string.Concat(Enumerable.Range(0, count).Select(i => $"<div id='d{i}'><p>block {i}</p></div>"));
        var doc = Dom.Parse($"<body><div id='root'>{html}</div></body>");
        return (doc, Enumerable.Range(0, count).Select(i => doc.GetElementById($"d{i}")!).ToArray());
    }

    /// <summary>Ranks blocks[0] first with <see cref="Best"/>, then the given scores in order.</summary>
    private static List<KeyValuePair<IElement, double>> Ranked(IElement[] blocks, params double[] scores) =>
        [new(blocks[0], Best), .. scores.Select((s, i) => new KeyValuePair<IElement, double>(blocks[i + 1], s))];

    [Fact]
    public void Weigh_PositiveWord_AddsClassWeight()
    {
        Assert.Equal(ExtractionThresholds.ClassWeight, ClassWeigher.Weigh(Dom.Element("<div class='article-body'></div>", "div")));
    }

    [Fact]
    public void Weigh_PositiveAndNegativeWords_CancelToZero()
    {
        Assert.Equal(0, ClassWeigher.Weigh(Dom.Element("<div class='article-body sidebar'></div>", "div")));
    }

    [Fact]
    public void Prune_BlockWithNegativeClassWeight_IsRemoved()
    {
        var block = Dom.Element($"<div id='b' class='widget'><p>{Dom.Prose(300)}</p></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, new ContentPruner(new NodeRemover(null), ExtractionFlags.All).ShouldRemove(block));
    }

    [Fact]
    public void Prune_BlockWithZeroClassWeight_IsKept()
    {
        var block = Dom.Element($"<div id='b' class='article-body widget'><p>{Dom.Prose(300)}</p></div>", "#b");

        Assert.Null(new ContentPruner(new NodeRemover(null), ExtractionFlags.All).ShouldRemove(block));
    }

    [Fact]
    public void Select_ThirdCloseCandidateLastInTopCandidates_LiftsToCommonAncestor()
    {
        var (doc, blocks) = Siblings(ExtractionThresholds.TopCandidates + 2);
        // Close candidates at ranks 2, 3 and TopCandidates (the last one looked at).
        var ranked = Ranked(blocks, 90, 90, 10, 90, 10, 10);

        var chosen = CandidateSelector.Select(ranked, new CandidateScorer(ExtractionFlags.All), doc.Body!);

        Assert.Equal("root", chosen!.Id);
    }

    [Fact]
    public void Select_ThirdCloseCandidateJustBeyondTopCandidates_StaysOnBest()
    {
        var (doc, blocks) = Siblings(ExtractionThresholds.TopCandidates + 2);
        var ranked = Ranked(blocks, 90, 90, 10, 10, 90, 10);

        var chosen = CandidateSelector.Select(ranked, new CandidateScorer(ExtractionFlags.All), doc.Body!);

        Assert.Equal("d0", chosen!.Id);
    }

    [Fact]
    public void Select_CandidatesAtCloseCandidateRatio_LiftToCommonAncestor()
    {
        var (doc, blocks) = Siblings(5);
        var close = Best * ExtractionThresholds.CloseCandidateRatio;

        var chosen = CandidateSelector.Select(Ranked(blocks, close, close, close), new CandidateScorer(ExtractionFlags.All), doc.Body!);

        Assert.Equal("root", chosen!.Id);
    }

    [Fact]
    public void Select_CandidateJustBelowCloseCandidateRatio_StaysOnBest()
    {
        var (doc, blocks) = Siblings(5);
        var close = Best * ExtractionThresholds.CloseCandidateRatio;

        var chosen = CandidateSelector.Select(Ranked(blocks, close, close, close - 0.01), new CandidateScorer(ExtractionFlags.All), doc.Body!);

        Assert.Equal("d0", chosen!.Id);
    }

    [Fact]
    public void Merge_SiblingAtSiblingScoreRatio_IsMerged()
    {
        var (_, blocks) = Siblings(2);
        var scorer = new CandidateScorer(ExtractionFlags.All);
        scorer.Assign(blocks[0], Best);
        scorer.Assign(blocks[1], Best * ExtractionThresholds.SiblingScoreRatio);

        var merged = SiblingMerger.Merge(blocks[0], scorer);

        Assert.Equal(2, merged.ChildElementCount);
    }

    [Fact]
    public void Merge_SiblingJustBelowSiblingScoreRatio_IsLeftOut()
    {
        var (_, blocks) = Siblings(2);
        var scorer = new CandidateScorer(ExtractionFlags.All);
        scorer.Assign(blocks[0], Best);
        scorer.Assign(blocks[1], Best * ExtractionThresholds.SiblingScoreRatio - 0.01);

        var merged = SiblingMerger.Merge(blocks[0], scorer);

        Assert.Same(blocks[0], merged);
    }

    [Fact]
    public void Prune_TwoEmbedsWithMinTextCharsWithEmbeds_IsKept()
    {
        var block = Dom.Element(
            $"<div id='b'><video></video><video></video><p>{Dom.Prose(ExtractionThresholds.MinTextCharsWithEmbeds)}</p></div>", "#b");

        Assert.Null(new ContentPruner(new NodeRemover(null), ExtractionFlags.All).ShouldRemove(block));
    }

    [Fact]
    public void Prune_TwoEmbedsWithOneCharFewer_IsRemovedAsWidget()
    {
        var block = Dom.Element(
            $"<div id='b'><video></video><video></video><p>{Dom.Prose(ExtractionThresholds.MinTextCharsWithEmbeds - 1)}</p></div>", "#b");

        Assert.Equal(RemovalReason.ConditionalClean, new ContentPruner(new NodeRemover(null), ExtractionFlags.All).ShouldRemove(block));
    }

    private static (IElement Best, CandidateScorer Scorer, IElement Body) Ancestors(double parentScore)
    {
        var doc = Dom.Parse("<body><div id='p2'><div id='p1'><div id='b'></div><div></div></div><div></div></div></body>");
        var scorer = new CandidateScorer(ExtractionFlags.All);
        scorer.Assign(doc.GetElementById("b")!, Best);
        scorer.Assign(doc.GetElementById("p1")!, parentScore);
        scorer.Assign(doc.GetElementById("p2")!, parentScore + 10);
        return (doc.GetElementById("b")!, scorer, doc.Body!);
    }

    [Fact]
    public void Select_ParentAtParentScoreFloor_ClimbsOnToBetterAncestor()
    {
        var (best, scorer, body) = Ancestors(Best / ExtractionThresholds.ParentScoreFloorDivisor);

        var chosen = CandidateSelector.Select([new(best, Best)], scorer, body);

        Assert.Equal("p2", chosen!.Id);
    }

    [Fact]
    public void Select_ParentJustBelowParentScoreFloor_StopsTheClimb()
    {
        var (best, scorer, body) = Ancestors(Best / ExtractionThresholds.ParentScoreFloorDivisor - 0.01);

        var chosen = CandidateSelector.Select([new(best, Best)], scorer, body);

        Assert.Equal("b", chosen!.Id);
    }

    [Fact]
    public void Weigh_ArticleBodyItemprop_AddsStructuredBodyWeight()
    {
        Assert.Equal(ExtractionThresholds.StructuredBodyWeight,
            ClassWeigher.StructuredDataBonus(Dom.Element("<div itemprop='articleBody'></div>", "div")));
    }

    [Fact]
    public void Weigh_WithoutItemprop_AddsNothing()
    {
        Assert.Equal(0, ClassWeigher.StructuredDataBonus(Dom.Element("<div itemprop='headline'></div>", "div")));
    }

    /// <summary>Blocks of one class, each in a section of its own under a shared container (a listicle's items).</summary>
    private static (IDocument Doc, IElement[] Blocks) Sections(int count, Func<int, string> classOf)
    {
        var html = string.Concat(Enumerable.Range(0, count).Select(i => $"<section><div><div id='d{i}' class='{classOf(i)}'><p>item {i}</p></div></div></section>"));
        var doc = Dom.Parse($"<body><div id='root'>{html}</div></body>");
        return (doc, Enumerable.Range(0, count).Select(i => doc.GetElementById($"d{i}")!).ToArray());
    }

    [Fact]
    public void Select_LikeBlocksAtSiblingScoreRatio_LiftToTheirContainer()
    {
        var (doc, blocks) = Sections(4, _ => "item-body");
        var floor = Best * ExtractionThresholds.SiblingScoreRatio;

        var chosen = CandidateSelector.Select(Ranked(blocks, floor, floor, 5), new CandidateScorer(ExtractionFlags.All), doc.Body!);

        Assert.Equal("root", chosen!.Id);
    }

    [Fact]
    public void Select_LikeBlocksJustBelowSiblingScoreRatio_StayOnBest()
    {
        var (doc, blocks) = Sections(4, _ => "item-body");
        var floor = Best * ExtractionThresholds.SiblingScoreRatio;

        var chosen = CandidateSelector.Select(Ranked(blocks, floor, floor - 0.01, 5), new CandidateScorer(ExtractionFlags.All), doc.Body!);

        // The best's own section (its wrappers are only children), not the shared container.
        Assert.Equal("section", chosen!.LocalName);
        Assert.Same(blocks[0].ParentElement!.ParentElement, chosen);
    }

    [Fact]
    public void Select_BlocksOfOtherClasses_StayOnBest()
    {
        var (doc, blocks) = Sections(4, i => $"block-{i}");
        var floor = Best * ExtractionThresholds.SiblingScoreRatio;

        var chosen = CandidateSelector.Select(Ranked(blocks, floor, floor, floor), new CandidateScorer(ExtractionFlags.All), doc.Body!);

        // The best's own section (its wrappers are only children), not the shared container.
        Assert.Equal("section", chosen!.LocalName);
        Assert.Same(blocks[0].ParentElement!.ParentElement, chosen);
    }
}

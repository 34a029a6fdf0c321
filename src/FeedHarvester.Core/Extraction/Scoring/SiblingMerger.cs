using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>
/// Joins the best candidate with siblings that continue the article: bodies split around an ad slot or a
/// "Most read" box that was removed, or paragraphs that sit beside the container instead of inside it.
/// </summary>
internal static class SiblingMerger
{
    /// <summary>Returns the element holding the article: the candidate alone, or a new div with the merged siblings.</summary>
    public static IElement Merge(IElement best, CandidateScorer scorer, NodeRemover? session = null)
    {
        var parent = best.ParentElement;
        if (parent is null || parent.LocalName is "html")
        {
            return best;
        }

        var bestScore = scorer.ScoreOf(best);
        var threshold = Math.Max(ExtractionThresholds.MinSiblingScore, bestScore * ExtractionThresholds.SiblingScoreRatio);
        var bestClass = best.GetAttribute("class");
        var kept = new List<IElement>();
        foreach (var sibling in DomWalk.Children(parent))
        {
            if (ReferenceEquals(sibling, best) || Qualifies(sibling, scorer, threshold, bestScore, bestClass))
            {
                kept.Add(sibling);
            }
        }

        if (kept.Count == 1)
        {
            return best;
        }

        var container = best.Owner!.CreateElement("div");
        foreach (var element in kept)
        {
            if (session is null)
            {
                _ = container.AppendChild(element);
            }
            else
            {
                session.MoveTo(element, container);
            }
        }

        return container;
    }

    private static bool Qualifies(IElement sibling, CandidateScorer scorer, double threshold, double bestScore, string? bestClass)
    {
        var bonus = !string.IsNullOrEmpty(bestClass) && sibling.GetAttribute("class") == bestClass
            ? bestScore * ExtractionThresholds.SiblingScoreRatio
            : 0;
        if (scorer.IsCandidate(sibling) && scorer.ScoreOf(sibling) + bonus >= threshold)
        {
            return true;
        }

        return sibling.LocalName == "p" && IsProse(sibling, scorer.Stats.Text(sibling));
    }

    /// <summary>A long paragraph with few links, or a short one with none that ends like a sentence.</summary>
    public static bool IsProse(IElement paragraph) => IsProse(paragraph, TextMeasurer.Measure(paragraph));

    private static bool IsProse(IElement paragraph, TextStats stats)
    {
        if (stats.Chars >= ExtractionThresholds.MinSiblingParagraphChars)
        {
            return stats.LinkDensity < ExtractionThresholds.MaxSiblingLinkDensity;
        }

        return stats.Chars > 0 && stats.LinkChars == 0 && EndsLikeSentence(paragraph.TextContent);
    }

    private static bool EndsLikeSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '"' or '”' or '…' or '。';
    }
}

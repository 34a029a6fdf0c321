using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>
/// Picks the article container from ranked candidates. The best-scoring element is often one part of a body
/// split into several blocks, so it is lifted to an ancestor shared by other strong candidates, or to a parent
/// that scores higher.
/// </summary>
internal static class CandidateSelector
{
    public static IElement? Select(List<KeyValuePair<IElement, double>> ranked, CandidateScorer scorer, IElement body)
    {
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0].Key;
        best = LiftToCommonAncestor(best, ranked, body);
        best = LiftToBetterParent(best, scorer, body);
        return LiftOnlyChild(best, body);
    }

    private static IElement LiftToCommonAncestor(IElement best, List<KeyValuePair<IElement, double>> ranked, IElement body)
    {
        var bestScore = ranked[0].Value;
        var close = new List<IElement>();
        for (var i = 1; i < Math.Min(ranked.Count, ExtractionThresholds.TopCandidates); i++)
        {
            if (ranked[i].Value >= bestScore * ExtractionThresholds.CloseCandidateRatio)
            {
                close.Add(ranked[i].Key);
            }
        }

        if (close.Count < ExtractionThresholds.MinCandidatesForCommonAncestor)
        {
            return best;
        }

        for (var ancestor = best.ParentElement; ancestor is not null && !ReferenceEquals(ancestor, body); ancestor = ancestor.ParentElement)
        {
            var inside = 0;
            foreach (var candidate in close)
            {
                inside += ReferenceEquals(candidate, ancestor) || DomRules.IsInside(candidate, ancestor) ? 1 : 0;
            }

            if (inside >= ExtractionThresholds.MinCandidatesForCommonAncestor)
            {
                return ancestor;
            }
        }

        return best;
    }

    private static IElement LiftToBetterParent(IElement best, CandidateScorer scorer, IElement body)
    {
        var lastScore = scorer.ScoreOf(best);
        var floor = lastScore / ExtractionThresholds.ParentScoreFloorDivisor;
        for (var parent = best.ParentElement; parent is not null && !ReferenceEquals(parent, body); parent = parent.ParentElement)
        {
            if (!scorer.IsCandidate(parent))
            {
                continue;
            }

            var parentScore = scorer.ScoreOf(parent);
            if (parentScore < floor)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                return parent;
            }

            lastScore = parentScore;
        }

        return best;
    }

    /// <summary>A container that is its parent's only child says nothing the parent does not; use the parent.</summary>
    private static IElement LiftOnlyChild(IElement best, IElement body)
    {
        while (best.ParentElement is { } parent && !ReferenceEquals(parent, body) && DomWalk.HasSingleElementChild(parent))
        {
            best = parent;
        }

        return best;
    }
}

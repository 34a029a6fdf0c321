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
        best = LiftToRepeatedBlocks(best, ranked, body) ?? LiftToCommonAncestor(best, ranked, body);
        best = LiftToBetterParent(best, scorer, body);
        return LiftOnlyChild(best, body);
    }

    /// <summary>
    /// A body written as a run of like blocks (a listicle's items, a long read's sections, one block per paragraph)
    /// shows as candidates of the best's own tag and class; their points stop a few levels up, so none of their
    /// shared container may rank. The body is the lowest ancestor holding most of them; null when the best is one
    /// of a kind.
    /// </summary>
    private static IElement? LiftToRepeatedBlocks(IElement best, List<KeyValuePair<IElement, double>> ranked, IElement body)
    {
        var cls = best.GetAttribute("class");
        if (string.IsNullOrEmpty(cls))
        {
            return null;
        }

        var floor = ranked[0].Value * ExtractionThresholds.SiblingScoreRatio;
        var repeats = new List<IElement>();
        for (var i = 1; i < ranked.Count && ranked[i].Value >= floor; i++)
        {
            var candidate = ranked[i].Key;
            if (candidate.LocalName == best.LocalName && candidate.GetAttribute("class") == cls &&
                !DomRules.IsInside(candidate, best) && !DomRules.IsInside(best, candidate))
            {
                repeats.Add(candidate);
            }
        }

        if (repeats.Count + 1 < ExtractionThresholds.MinCandidatesForCommonAncestor)
        {
            return null;
        }

        var needed = Math.Max(ExtractionThresholds.MinCandidatesForCommonAncestor - 1, (repeats.Count + 1) / 2);
        for (var ancestor = best.ParentElement; ancestor is not null && !ReferenceEquals(ancestor, body); ancestor = ancestor.ParentElement)
        {
            var inside = 0;
            foreach (var repeat in repeats)
            {
                inside += DomRules.IsInside(repeat, ancestor) ? 1 : 0;
            }

            if (inside >= needed)
            {
                return ancestor;
            }
        }

        return null;
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

using System.Collections.Frozen;
using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>
/// Readability-style scoring: every paragraph gives points (length, commas) to the containers above it,
/// scaled down with distance; each container's total is then discounted by its link density.
/// </summary>
internal sealed class CandidateScorer(ExtractionFlags flags, NodeRemover? session = null)
{
    /// <summary>Starting score of a container by its tag; other tags start at 0.</summary>
    private static readonly FrozenDictionary<string, double> TagScores = new (FrozenSet<string> Tags, double Score)[]
    {
        (ElementSets.ContentContainers, ExtractionThresholds.ContentContainerScore),
        (ElementSets.TextContainers, ExtractionThresholds.TextContainerScore),
        (ElementSets.ListContainers, ExtractionThresholds.ListContainerScore),
        (ElementSets.Headings, ExtractionThresholds.HeadingScore),
    }.SelectMany(group => group.Tags.Select(tag => KeyValuePair.Create(tag, group.Score))).ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<IElement, double> _scores = new(ReferenceEqualityComparer.Instance);
    private readonly NodeRemover _session = session ?? new NodeRemover(null);

    /// <summary>The pass's subtree stats, shared with the selector and the sibling merger.</summary>
    public TextStatsCache Stats => _session.Stats;

    public double ScoreOf(IElement element) => _scores.GetValueOrDefault(element);

    public bool IsCandidate(IElement element) => _scores.ContainsKey(element);

    /// <summary>Sets a score directly, so boundary tests can place a candidate exactly at a threshold.</summary>
    internal void Assign(IElement element, double score) => _scores[element] = score;

    /// <summary>Scores the tree under <paramref name="body"/>; returns the candidates best first.</summary>
    public List<KeyValuePair<IElement, double>> Score(IElement body)
    {
        ScoreDescendants(body);
        var ranked = new List<KeyValuePair<IElement, double>>(_scores.Count);
        foreach (var (element, score) in _scores)
        {
            ranked.Add(new(element, score * (1 - Stats.Text(element).LinkDensity)));
        }

        foreach (var (element, score) in ranked)
        {
            _scores[element] = score;
        }

        ranked.Sort((a, b) => b.Value.CompareTo(a.Value));
        return ranked;
    }

    /// <summary>Document order, as the points accumulate (and ties then rank) the way a selector walk would.</summary>
    private void ScoreDescendants(IElement parent) => DomWalk.PreOrder(parent, element =>
    {
        ScoreParagraph(element);
        return WalkStep.Descend;
    }, _session.Budget);

    private void ScoreParagraph(IElement element)
    {
        if (!TryMeasureParagraph(element, out var stats, out var selfReceives))
        {
            return;
        }

        var points = ExtractionThresholds.PointsPerParagraph + stats.Commas +
            Math.Min((double)stats.Chars / ExtractionThresholds.CharsPerLengthPoint, ExtractionThresholds.MaxLengthPoints);
        var receiver = selfReceives ? element : element.ParentElement;
        for (var level = 0; receiver is not null && level < ExtractionThresholds.ScoredAncestorLevels; level++, receiver = receiver.ParentElement)
        {
            if (receiver.LocalName == "html")
            {
                break;
            }

            var divider = level switch
            {
                0 => 1.0,
                1 => ExtractionThresholds.SecondLevelDivider,
                _ => level * ExtractionThresholds.DividerPerFurtherLevel,
            };
            _scores[receiver] = InitialScoreIfNew(receiver) + points / divider;
        }
    }

    /// <summary>
    /// p/pre are paragraphs by tag and give their points to their parent; any other block (div, td, section…) is
    /// one by its own inline text (text and inline children, not block children), which catches div-per-paragraph
    /// layouts and &lt;br&gt;-separated text in layout cells. Those receive their own points first, since their
    /// text is directly inside them.
    /// </summary>
    private bool TryMeasureParagraph(IElement element, out TextStats stats, out bool selfReceives)
    {
        if (element.LocalName is "p" or "pre")
        {
            stats = Stats.Text(element);
            selfReceives = false;
            return stats.Chars >= ExtractionThresholds.MinParagraphChars;
        }

        selfReceives = true;
        if (!DomRules.IsBlock(element) || element.LocalName is "body" or "html" or "li" or "dt" or "dd" || DomRules.IsHeading(element))
        {
            stats = default;
            return false;
        }

        stats = MeasureInline(element);
        return stats.Chars >= ExtractionThresholds.MinParagraphChars;
    }

    private TextStats MeasureInline(IElement element)
    {
        int chars = 0, links = 0, commas = 0;
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IElement e && (DomRules.IsBlock(e) || DomRules.IsNonContent(e)))
            {
                continue;
            }

            var s = child switch
            {
                IText t => MeasureText(t),
                IElement inline => Stats.Text(inline),
                _ => default,
            };
            if (child is IElement { LocalName: "a" })
            {
                s = s with { LinkChars = s.Chars };
            }

            chars += s.Chars;
            links += s.LinkChars;
            commas += s.Commas;
        }

        return new TextStats(chars, links, commas);
    }

    private static TextStats MeasureText(IText text)
    {
        var data = text.Data.AsSpan().Trim();
        var commas = 0;
        foreach (var ch in data)
        {
            if (ch is ',' or '，' or '、' or '،')
            {
                commas++;
            }
        }

        return new TextStats(data.Length, 0, commas);
    }

    private double InitialScoreIfNew(IElement element)
    {
        if (_scores.TryGetValue(element, out var existing))
        {
            return existing;
        }

        var score = TagScores.GetValueOrDefault(element.LocalName);
        if (flags.HasFlag(ExtractionFlags.WeightClasses))
        {
            score += ClassWeigher.Weigh(_session.Names.Of(element));
        }

        return score + ClassWeigher.StructuredDataBonus(element);
    }
}

using AngleSharp.Dom;
using FeedHarvester.Cleaning;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Scoring;

namespace FeedHarvester.Extraction;

/// <summary>
/// Finds teaser boxes by their visible heading ("Top Stories", "Most read", "More from …", "Local Spotlight"),
/// which works where class names are meaningless, and removes the box, or the heading and the link lists after it.
/// </summary>
internal static class TeaserBoxRemover
{
    private const string HeadingSelector =
        "h1,h2,h3,h4,h5,h6,[class*=title],[class*=heading],[class*=header],[class*=label],strong,b";

    public static void Remove(IElement root, NodeRemover remover, int pageChars)
    {
        foreach (var heading in root.QuerySelectorAll(HeadingSelector))
        {
            if (IsTeaserHeading(heading) && DomRules.IsInside(heading, root))
            {
                RemoveBox(heading, root, remover, pageChars);
            }
        }
    }

    internal static bool IsTeaserHeading(IElement heading)
    {
        if (DomRules.HasBlockChild(heading) && !DomRules.IsHeading(heading))
        {
            return false;
        }

        var text = heading.TextContent;
        return text.Length <= ExtractionThresholds.MaxTeaserHeadingChars * 2 &&
               text.AsSpan().Trim().Length is > 0 and <= ExtractionThresholds.MaxTeaserHeadingChars &&
               TextPatterns.TeaserHeading().IsMatch(text.Trim());
    }

    private static void RemoveBox(IElement heading, IElement root, NodeRemover remover, int pageChars)
    {
        var top = LiftLoneWrapper(heading, root);
        var box = top.ParentElement;
        if (box is not null && !ReferenceEquals(box, root) && IsTeaserBox(box, pageChars))
        {
            remover.Remove(box, RemovalReason.Teaser);
            return;
        }

        // The heading stands beside its list: drop it and the link-dense blocks that follow.
        var next = top.NextElementSibling;
        remover.Remove(top, RemovalReason.Teaser);
        while (next is not null && TextMeasurer.Measure(next) is var stats &&
               (stats.Chars == 0 || stats.LinkDensity >= ExtractionThresholds.MinTeaserLinkDensity))
        {
            var after = next.NextElementSibling;
            remover.Remove(next, RemovalReason.Teaser);
            next = after;
        }
    }

    private static bool IsTeaserBox(IElement box, int pageChars)
    {
        var stats = TextMeasurer.Measure(box);
        return stats.LinkDensity >= ExtractionThresholds.MinTeaserLinkDensity &&
               stats.Chars <= pageChars * ExtractionThresholds.MaxBoilerplateShareOfText;
    }

    /// <summary>A heading wrapped alone in a div is that div, for the purpose of finding its box.</summary>
    private static IElement LiftLoneWrapper(IElement heading, IElement root)
    {
        var top = heading;
        while (top.ParentElement is { } parent && !ReferenceEquals(parent, root) && parent.ChildElementCount == 1 &&
               TextMeasurer.Measure(parent).Chars == TextMeasurer.Measure(top).Chars)
        {
            top = parent;
        }

        return top;
    }
}

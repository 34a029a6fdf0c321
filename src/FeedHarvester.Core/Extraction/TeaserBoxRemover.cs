using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Scoring;

namespace FeedHarvester.Extraction;

/// <summary>
/// Finds teaser boxes by their visible heading ("Top Stories", "Most read", "More from …", "Local Spotlight"),
/// which works where class names are meaningless, and removes the box, or the heading and the link lists after it.
/// </summary>
internal static class TeaserBoxRemover
{
    /// <summary>Class fragments of elements that act as box headings without being h1–h6.</summary>
    private static readonly string[] HeadingClassFragments = ["title", "heading", "header", "label"];

    public static void Remove(IElement root, NodeRemover remover, int pageChars)
    {
        var headings = new List<IElement>();
        DomWalk.PreOrder(root, element =>
        {
            if (MayBeHeading(element))
            {
                headings.Add(element);
            }

            return WalkStep.Descend;
        }, remover.Budget);
        foreach (var heading in headings)
        {
            remover.Budget.Step();
            // Longer than a heading may be: skip before building its text (collapsed chars never exceed the raw text).
            if (DomRules.IsInside(heading, root) &&
                remover.Stats.Of(heading).Chars <= ExtractionThresholds.MaxTeaserHeadingChars &&
                IsTeaserHeading(heading))
            {
                RemoveBox(heading, root, remover, pageChars);
            }
        }
    }

    /// <summary>A heading: h1–h6, strong, b, or a class naming a title, heading, header or label.</summary>
    private static bool MayBeHeading(IElement element)
    {
        if (DomRules.IsHeading(element) || element.LocalName is "strong" or "b")
        {
            return true;
        }

        var cls = element.GetAttribute("class");
        if (string.IsNullOrEmpty(cls))
        {
            return false;
        }

        foreach (var fragment in HeadingClassFragments)
        {
            // Ordinal, as the [class*=…] selectors this replaces matched case-sensitively.
            if (cls.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsTeaserHeading(IElement heading)
    {
        if (DomRules.HasBlockChild(heading) && !DomRules.IsHeading(heading))
        {
            return false;
        }

        var text = heading.TextContent;
        return text.Length <= ExtractionThresholds.MaxTeaserHeadingRawChars &&
               text.AsSpan().Trim().Length is > 0 and <= ExtractionThresholds.MaxTeaserHeadingChars &&
               TextPatterns.TeaserHeading().IsMatch(text.Trim());
    }

    private static void RemoveBox(IElement heading, IElement root, NodeRemover remover, int pageChars)
    {
        var top = LiftLoneWrapper(heading, root, remover.Stats);
        var box = top.ParentElement;
        if (box is not null && !ReferenceEquals(box, root) && IsTeaserBox(remover.Stats.Text(box), pageChars))
        {
            remover.Remove(box, RemovalReason.Teaser);
            return;
        }

        // The heading stands beside its list: drop it and the link-dense blocks that follow.
        var next = top.NextElementSibling;
        remover.Remove(top, RemovalReason.Teaser);
        while (next is not null && remover.Stats.Text(next) is var stats &&
               (stats.Chars == 0 || stats.LinkDensity >= ExtractionThresholds.MinTeaserLinkDensity))
        {
            remover.Budget.Step();
            var after = next.NextElementSibling;
            remover.Remove(next, RemovalReason.Teaser);
            next = after;
        }
    }

    private static bool IsTeaserBox(TextStats stats, int pageChars)
    {
        return stats.LinkDensity >= ExtractionThresholds.MinTeaserLinkDensity &&
               stats.Chars <= pageChars * ExtractionThresholds.MaxBoilerplateShareOfText;
    }

    /// <summary>A heading wrapped alone in a div is that div, for the purpose of finding its box.</summary>
    private static IElement LiftLoneWrapper(IElement heading, IElement root, TextStatsCache stats)
    {
        var top = heading;
        while (top.ParentElement is { } parent && !ReferenceEquals(parent, root) && DomWalk.HasSingleElementChild(parent) &&
               stats.Of(parent).Chars == stats.Of(top).Chars)
        {
            top = parent;
        }

        return top;
    }
}

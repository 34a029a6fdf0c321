using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction.Dom;

/// <summary>Small structural questions about elements, shared by the cleaner, the scorer and the pruner.</summary>
internal static class DomRules
{
    public static bool IsNonContent(IElement element) => HtmlElements.NonContent.Contains(element.LocalName);

    /// <summary>An iframe playing a video from a listed host (<see cref="Cleaning.MediaPolicy.EmbedHosts"/>): kept as media.</summary>
    public static bool IsKeptEmbed(IElement element) =>
        element.LocalName == "iframe" &&
        Cleaning.MediaPolicy.IsAllowedEmbed(element.GetAttribute("src") ?? element.GetAttribute("data-src"));

    public static bool IsBlock(IElement element) => HtmlElements.Block.Contains(element.LocalName);

    /// <summary>Class and id joined, the string the vocabulary groups are matched against.</summary>
    public static string ClassAndId(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return cls ?? "";
        }

        return string.IsNullOrEmpty(cls) ? id : string.Concat(cls, " ", id);
    }

    public static bool HasBlockChild(IElement element)
    {
        foreach (var child in DomWalk.Children(element))
        {
            if (IsBlock(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"tag#id.class" for traces and removal records.</summary>
    public static string Describe(IElement element)
    {
        var id = element.Id;
        var cls = element.GetAttribute("class");
        var text = element.LocalName;
        if (!string.IsNullOrEmpty(id))
        {
            text += "#" + id;
        }

        if (!string.IsNullOrWhiteSpace(cls))
        {
            text += "." + string.Join('.', cls.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return text;
    }

    /// <summary>The element holds a blockquote: an embedded post or a quotation, whatever its wrapper is named.</summary>
    public static bool HoldsQuotation(IElement element) => element.QuerySelector("blockquote") is not null;

    /// <summary>A code block or code span, whose inner markup is syntax highlighting.</summary>
    public static bool IsCode(IElement element) => element.LocalName is "pre" or "code";

    /// <summary>True when the element is code or inside it.</summary>
    public static bool IsInCode(IElement element)
    {
        for (IElement? node = element; node is not null; node = node.ParentElement)
        {
            if (IsCode(node))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>True when <paramref name="element"/> is a strict descendant of <paramref name="root"/> (not removed since).</summary>
    public static bool IsInside(IElement element, IElement root)
    {
        for (var node = element.ParentElement; node is not null; node = node.ParentElement)
        {
            if (ReferenceEquals(node, root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Closest(localName) without a selector: true when the element or an ancestor has that tag.</summary>
    public static bool HasAncestorOrSelf(IElement element, string localName)
    {
        for (IElement? node = element; node is not null; node = node.ParentElement)
        {
            if (node.LocalName == localName)
            {
                return true;
            }
        }

        return false;
    }
}

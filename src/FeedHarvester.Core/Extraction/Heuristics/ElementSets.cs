using System.Collections.Frozen;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// Element names grouped by the role they play for extraction. What they mean for a page's text (non-content and
/// block elements) is in <see cref="Html.HtmlElements"/>, shared with the other stages.
/// </summary>
internal static class ElementSets
{
    /// <summary>Semantic page chrome: site header, footer, navigation, complementary boxes.</summary>
    public static readonly FrozenSet<string> Chrome = FrozenSet.ToFrozenSet(["nav", "aside", "header", "footer", "menu"]);

    /// <summary>ARIA roles of page chrome.</summary>
    public static readonly FrozenSet<string> ChromeRoles = FrozenSet.ToFrozenSet(
        ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Containers the pruner checks conditionally inside the chosen article.</summary>
    public static readonly FrozenSet<string> Conditional = FrozenSet.ToFrozenSet(
        ["div", "section", "ul", "ol", "table", "aside", "form", "dl"]);

    /// <summary>Containers the body is usually in; they start with <see cref="ExtractionThresholds.ContentContainerScore"/>.</summary>
    public static readonly FrozenSet<string> ContentContainers = FrozenSet.ToFrozenSet(["div", "article", "main"]);

    /// <summary>Text containers that are less often the body; they start with <see cref="ExtractionThresholds.TextContainerScore"/>.</summary>
    public static readonly FrozenSet<string> TextContainers = FrozenSet.ToFrozenSet(["pre", "td", "blockquote"]);

    /// <summary>Lists, forms and addresses; they start with <see cref="ExtractionThresholds.ListContainerScore"/>.</summary>
    public static readonly FrozenSet<string> ListContainers = FrozenSet.ToFrozenSet(["address", "ol", "ul", "dl", "dd", "dt", "li", "form"]);

    /// <summary>Headings and table headers; they start with <see cref="ExtractionThresholds.HeadingScore"/>.</summary>
    public static readonly FrozenSet<string> Headings = FrozenSet.ToFrozenSet(["h1", "h2", "h3", "h4", "h5", "h6", "th"]);
}

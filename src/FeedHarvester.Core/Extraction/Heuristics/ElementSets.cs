using System.Collections.Frozen;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>Element names grouped by the role they play for extraction.</summary>
public static class ElementSets
{
    /// <summary>Elements that never hold article text; removed before anything else.</summary>
    public static readonly FrozenSet<string> NonContent = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "canvas", "object", "embed", "iframe", "button", "input",
        "select", "textarea", "option", "dialog", "link", "meta", "head", "title", "math",
    ]);

    /// <summary>Block-level elements: they start a new paragraph in plain text.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]);

    /// <summary>Elements whose own text is a paragraph to score.</summary>
    public static readonly FrozenSet<string> Paragraph = FrozenSet.ToFrozenSet(["p", "pre", "td", "blockquote"]);

    /// <summary>Semantic page chrome: site header, footer, navigation, complementary boxes.</summary>
    public static readonly FrozenSet<string> Chrome = FrozenSet.ToFrozenSet(["nav", "aside", "header", "footer", "menu"]);

    /// <summary>ARIA roles of page chrome.</summary>
    public static readonly FrozenSet<string> ChromeRoles = FrozenSet.ToFrozenSet(
        ["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Containers the pruner checks conditionally inside the chosen article.</summary>
    public static readonly FrozenSet<string> Conditional = FrozenSet.ToFrozenSet(
        ["div", "section", "ul", "ol", "table", "aside", "form", "dl"]);

    /// <summary>Embedded media counted by the pruner.</summary>
    public static readonly FrozenSet<string> Embed = FrozenSet.ToFrozenSet(["iframe", "object", "embed", "video", "audio"]);
}

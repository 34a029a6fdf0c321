using System.Collections.Frozen;

namespace FeedHarvester.Html;

/// <summary>Element names grouped by what they mean for the text of a page, for every stage that reads one.</summary>
internal static class HtmlElements
{
    /// <summary>Elements that never hold text a reader sees as prose: left out of plain text, removed first by extraction.</summary>
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

    /// <summary>Ruby annotations (pronunciation over East Asian text) and their fallback parentheses: markup for a
    /// reader's eye, read into plain text they split the words they annotate.</summary>
    public static readonly FrozenSet<string> RubyAnnotation = FrozenSet.ToFrozenSet(["rt", "rp"]);
}

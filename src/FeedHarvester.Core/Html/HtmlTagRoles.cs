using System.Collections.Frozen;

namespace FeedHarvester.Html;

/// <summary>
/// The HTML tree-construction rules the census imitates, as named groups of tag names (from the HTML standard's
/// "parsing HTML documents": void and raw-text elements, the start tags that imply end tags, scope boundaries).
/// </summary>
internal static class HtmlTagRoles
{
    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
    [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    ]);

    /// <summary>Their content is text up to the matching end tag (noscript too: the parsers here do not script).</summary>
    private static readonly FrozenSet<string> RawTextElements = FrozenSet.ToFrozenSet(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]);

    /// <summary>Start tags that close an open p (HTML's "close a p element" when one is in button scope).</summary>
    private static readonly FrozenSet<string> ClosesParagraph = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "dd", "dt", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    ]);

    /// <summary>Elements past which an implied end tag does not reach (the parser's scope boundaries).</summary>
    private static readonly FrozenSet<string> ScopeBoundaries = FrozenSet.ToFrozenSet(
        ["html", "body", "table", "td", "th", "caption", "button", "marquee", "object", "applet", "template", "svg", "math"]);

    /// <summary>
    /// HTML's "special" elements but address, div and p: an li, dd or dt start tag closes the nearest open one of its
    /// kind only when none of these lies in between.
    /// </summary>
    private static readonly FrozenSet<string> ListItemBoundaries = FrozenSet.ToFrozenSet(
    [
        "applet", "article", "aside", "blockquote", "body", "button", "caption", "center", "col", "colgroup", "details",
        "dir", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "html", "listing", "main", "marquee", "menu", "nav", "object", "ol", "pre", "search",
        "section", "select", "summary", "table", "tbody", "td", "template", "tfoot", "th", "thead", "tr", "ul", "svg", "math",
    ]);

    private static readonly FrozenSet<string> TableBoundary = FrozenSet.ToFrozenSet(["table", "template", "html"]);

    private static readonly FrozenSet<string> TableSections = FrozenSet.ToFrozenSet(["thead", "tbody", "tfoot"]);

    private static readonly FrozenSet<string> Cells = FrozenSet.ToFrozenSet(["td", "th"]);

    private static readonly FrozenSet<string> Headings = FrozenSet.ToFrozenSet(["h1", "h2", "h3", "h4", "h5", "h6"]);

    /// <summary>Roles that are counted while open, so a search for one is skipped when none is.</summary>
    public static readonly HtmlTagRole[] Counted = [HtmlTagRole.Cell, HtmlTagRole.Row, HtmlTagRole.TableSection, HtmlTagRole.ListItem, HtmlTagRole.DefinitionItem, HtmlTagRole.Foreign];

    private static readonly FrozenDictionary<string, HtmlTagRole> Roles = BuildRoles();

    public static HtmlTagRole Of(string name) => Roles.GetValueOrDefault(name);

    private static FrozenDictionary<string, HtmlTagRole> BuildRoles()
    {
        var roles = new Dictionary<string, HtmlTagRole>(StringComparer.Ordinal);
        void Mark(IEnumerable<string> names, HtmlTagRole role)
        {
            foreach (var name in names)
            {
                roles[name] = roles.GetValueOrDefault(name) | role;
            }
        }

        Mark(VoidElements, HtmlTagRole.Void);
        Mark(RawTextElements, HtmlTagRole.RawText);
        Mark(ClosesParagraph, HtmlTagRole.ClosesParagraph);
        Mark(ScopeBoundaries, HtmlTagRole.ScopeBoundary);
        Mark(ListItemBoundaries, HtmlTagRole.ListItemBoundary);
        Mark(TableBoundary, HtmlTagRole.TableBoundary | HtmlTagRole.RowBoundary);
        Mark(["tr"], HtmlTagRole.RowBoundary | HtmlTagRole.Row);
        Mark(Headings, HtmlTagRole.Heading);
        Mark(Cells, HtmlTagRole.Cell);
        Mark(TableSections, HtmlTagRole.TableSection);
        Mark(["li"], HtmlTagRole.ListItem);
        Mark(["dd", "dt"], HtmlTagRole.DefinitionItem);
        Mark(["svg", "math"], HtmlTagRole.Foreign);
        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Collections.Frozen;

namespace FeedHarvester.Cleaning;

/// <summary>What a census found wrong with a document, if anything.</summary>
internal enum MarkupExcess
{
    None,

    /// <summary>Elements nest deeper than <see cref="MarkupLimits.MaxDepth"/>.</summary>
    TooDeeplyNested,

    /// <summary>More elements than the limit.</summary>
    TooManyElements,
}

/// <summary>
/// Counts elements and estimates their nesting from the markup text alone, in one pass and without building a tree,
/// so a hostile document is refused before a parser spends time and memory on it (AngleSharp's tree builder walks the
/// open-element stack on every start tag: quadratic in the depth). The estimate follows the HTML rules that keep
/// real pages shallow (void elements, raw-text elements, the end tags a start tag implies: p, li, dd/dt, table
/// parts, option) and stops at the first limit passed. <see cref="DomShape"/> checks the parsed tree exactly.
/// </summary>
internal static class MarkupCensus
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

    private static readonly FrozenSet<string> ListItems = FrozenSet.ToFrozenSet(["li"]);

    private static readonly FrozenSet<string> DefinitionItems = FrozenSet.ToFrozenSet(["dd", "dt"]);

    private static readonly FrozenSet<string> TableBoundary = FrozenSet.ToFrozenSet(["table", "template", "html"]);

    private static readonly FrozenSet<string> RowBoundaries = FrozenSet.ToFrozenSet(["tr", "table", "template", "html"]);

    private static readonly FrozenSet<string> TableSections = FrozenSet.ToFrozenSet(["thead", "tbody", "tfoot"]);

    private static readonly FrozenSet<string> Cells = FrozenSet.ToFrozenSet(["td", "th"]);

    private static readonly FrozenSet<string> Row = FrozenSet.ToFrozenSet(["tr"]);

    private static readonly FrozenSet<string> Headings = FrozenSet.ToFrozenSet(["h1", "h2", "h3", "h4", "h5", "h6"]);

    /// <summary>Checks HTML against <see cref="MarkupLimits.MaxDepth"/> and <see cref="MarkupLimits.MaxElements"/>.</summary>
    public static MarkupExcess CheckHtml(string html) => CheckHtml(html, MarkupLimits.MaxDepth, MarkupLimits.MaxElements);

    public static MarkupExcess CheckHtml(string html, int maxDepth, int maxElements)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.Contains('<', StringComparison.Ordinal) ? new HtmlScan(html, maxDepth, maxElements).Run() : MarkupExcess.None;
    }

    /// <summary>
    /// True when an XML document has more than <paramref name="maxElements"/> start tags (comments, CDATA sections and
    /// processing instructions skipped): cheap enough to run before the document is loaded.
    /// </summary>
    public static bool XmlExceeds(string xml, int maxElements)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var count = 0;
        var i = xml.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i < xml.Length - 1)
        {
            var next = xml[i + 1];
            if (next == '!' || next == '?')
            {
                i = SkipXmlDeclaration(xml, i);
            }
            else if (IsNameStart(next) && ++count > maxElements)
            {
                return true;
            }

            i = i < 0 || i + 1 >= xml.Length ? -1 : xml.IndexOf('<', i + 1);
        }

        return false;
    }

    private static int SkipXmlDeclaration(string xml, int lt)
    {
        var span = xml.AsSpan(lt);
        var (terminator, start) = span.StartsWith("<!--") ? ("-->", 4)
            : span.StartsWith("<![CDATA[") ? ("]]>", 9)
            : span[1] == '?' ? ("?>", 2)
            : (">", 2);
        var end = xml.IndexOf(terminator, lt + start, StringComparison.Ordinal);
        return end < 0 ? -1 : end + terminator.Length - 1;
    }

    internal static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == ':' || c > 0x7F;

    /// <summary>One pass over one HTML text: the estimated stack of open elements.</summary>
    private sealed class HtmlScan(string html, int maxDepth, int maxElements)
    {
        private readonly List<string> _open = [];
        private readonly Dictionary<string, int> _openCounts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _names =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private int _elements;

        public MarkupExcess Run()
        {
            var i = html.IndexOf('<', StringComparison.Ordinal);
            while (i >= 0)
            {
                var (next, excess) = Markup(i);
                if (excess != MarkupExcess.None)
                {
                    return excess;
                }

                i = next < html.Length ? html.IndexOf('<', next) : -1;
            }

            return MarkupExcess.None;
        }

        /// <summary>Reads the markup at <paramref name="lt"/>; returns where to go on.</summary>
        private (int Next, MarkupExcess Excess) Markup(int lt)
        {
            var span = html.AsSpan(lt);
            if (span.StartsWith("<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                return (end < 0 ? html.Length : end + 3, MarkupExcess.None);
            }

            if (span.Length < 2)
            {
                return (html.Length, MarkupExcess.None);
            }

            if (span[1] is '!' or '?')
            {
                return (TagEnd(lt + 2), MarkupExcess.None);
            }

            if (span[1] == '/' && span.Length > 2 && char.IsAsciiLetter(span[2]))
            {
                var (name, after) = ReadName(lt + 2);
                Close(name);
                return (TagEnd(after), MarkupExcess.None);
            }

            return char.IsAsciiLetter(span[1]) ? StartTag(lt) : (lt + 1, MarkupExcess.None);
        }

        private (int Next, MarkupExcess Excess) StartTag(int lt)
        {
            var (name, after) = ReadName(lt + 1);
            var end = TagEnd(after);
            if (++_elements > maxElements)
            {
                return (end, MarkupExcess.TooManyElements);
            }

            if (RawTextElements.Contains(name))
            {
                return (SkipRawText(name, end), MarkupExcess.None);
            }

            if (name == "plaintext")
            {
                return (html.Length, MarkupExcess.None); // the rest of the document is its text
            }

            var selfClosing = end - 2 >= after && html[end - 2] == '/';
            if (VoidElements.Contains(name) || (selfClosing && InForeignContent()))
            {
                return (end, MarkupExcess.None);
            }

            if (name == "form" && _openCounts.GetValueOrDefault("form") > 0)
            {
                return (end, MarkupExcess.None); // the parser ignores a form inside a form
            }

            CloseImplied(name);
            Push(name);
            return (end, _open.Count > maxDepth ? MarkupExcess.TooDeeplyNested : MarkupExcess.None);
        }

        /// <summary>The end tags a start tag implies, as far as they change the depth.</summary>
        private void CloseImplied(string name)
        {
            if (ClosesParagraph.Contains(name))
            {
                CloseNearest("p", ScopeBoundaries);
            }

            switch (name)
            {
                case "li":
                    CloseNearestOf(ListItems, ListItemBoundaries);
                    break;
                case "dd" or "dt":
                    CloseNearestOf(DefinitionItems, ListItemBoundaries);
                    break;
                case "option" or "optgroup":
                    CloseTop("option");
                    if (name == "optgroup")
                    {
                        CloseTop("optgroup");
                    }

                    break;
                case "tr":
                    CloseNearestOf(Cells, TableBoundary);
                    CloseNearestOf(Row, TableBoundary);
                    break;
                case "td" or "th":
                    CloseNearestOf(Cells, RowBoundaries);
                    break;
                case "thead" or "tbody" or "tfoot":
                    CloseNearestOf(Cells, TableBoundary);
                    CloseNearestOf(Row, TableBoundary);
                    CloseNearestOf(TableSections, TableBoundary);
                    break;
                case "a" or "nobr":
                    // The common slip, a link left open before the next one: the parser closes it (adoption agency).
                    CloseTop(name);
                    break;
                case "button":
                    CloseNearest(name, ScopeBoundaries);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    if (_open.Count > 0 && Headings.Contains(_open[^1]))
                    {
                        Pop(_open.Count - 1);
                    }

                    break;
            }
        }

        private void Close(string name)
        {
            if (_openCounts.GetValueOrDefault(name) == 0)
            {
                return; // a stray end tag changes nothing
            }

            Pop(_open.LastIndexOf(name));
        }

        private void CloseTop(string name)
        {
            if (_open.Count > 0 && _open[^1] == name)
            {
                Pop(_open.Count - 1);
            }
        }

        private void CloseNearest(string name, FrozenSet<string> boundaries)
        {
            if (_openCounts.GetValueOrDefault(name) == 0)
            {
                return;
            }

            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i] == name)
                {
                    Pop(i);
                    return;
                }

                if (boundaries.Contains(_open[i]))
                {
                    return;
                }
            }
        }

        private void CloseNearestOf(FrozenSet<string> names, FrozenSet<string> boundaries)
        {
            if (!AnyOpen(names))
            {
                return;
            }

            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (names.Contains(_open[i]))
                {
                    Pop(i);
                    return;
                }

                if (boundaries.Contains(_open[i]))
                {
                    return;
                }
            }
        }

        private bool AnyOpen(FrozenSet<string> names)
        {
            foreach (var name in names)
            {
                if (_openCounts.GetValueOrDefault(name) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool InForeignContent() => _openCounts.GetValueOrDefault("svg") > 0 || _openCounts.GetValueOrDefault("math") > 0;

        private void Push(string name)
        {
            _open.Add(name);
            _openCounts[name] = _openCounts.GetValueOrDefault(name) + 1;
        }

        /// <summary>Pops the element at <paramref name="index"/> and everything opened inside it.</summary>
        private void Pop(int index)
        {
            for (var i = _open.Count - 1; i >= index; i--)
            {
                _openCounts[_open[i]]--;
            }

            _open.RemoveRange(index, _open.Count - index);
        }

        /// <summary>The tag name at <paramref name="start"/>, lower-cased and interned for this scan.</summary>
        private (string Name, int After) ReadName(int start)
        {
            var end = start;
            while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] is not ('/' or '>'))
            {
                end++;
            }

            var raw = html.AsSpan(start, end - start);
            Span<char> lower = stackalloc char[Math.Min(raw.Length, 64)];
            var length = raw[..lower.Length].ToLowerInvariant(lower);
            var key = lower[..length];
            if (!_names.TryGetValue(key, out var name))
            {
                name = key.ToString();
                _names[key] = name;
            }

            return (name, end);
        }

        /// <summary>Just past the '>' that ends the tag begun before <paramref name="from"/>, skipping quoted attribute values.</summary>
        private int TagEnd(int from)
        {
            var i = from;
            while (true)
            {
                var next = html.AsSpan(i).IndexOfAny('>', '"', '\'');
                if (next < 0)
                {
                    return html.Length;
                }

                i += next;
                if (html[i] == '>')
                {
                    return i + 1;
                }

                if (!FollowsEquals(i, from))
                {
                    i++; // a quote inside a name or an unquoted value is just a character
                    continue;
                }

                var close = html.IndexOf(html[i], i + 1);
                if (close < 0)
                {
                    return html.Length;
                }

                i = close + 1;
            }
        }

        private bool FollowsEquals(int quote, int from)
        {
            var i = quote - 1;
            while (i >= from && char.IsWhiteSpace(html[i]))
            {
                i--;
            }

            return i >= from && html[i] == '=';
        }

        private int SkipRawText(string name, int from)
        {
            var i = from;
            while ((i = html.IndexOf("</", i, StringComparison.Ordinal)) >= 0)
            {
                var rest = html.AsSpan(i + 2);
                if (rest.Length >= name.Length && rest[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }

                i += 2;
            }

            return html.Length;
        }
    }
}

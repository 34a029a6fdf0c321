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

    private static readonly FrozenSet<string> TableBoundary = FrozenSet.ToFrozenSet(["table", "template", "html"]);

    private static readonly FrozenSet<string> TableSections = FrozenSet.ToFrozenSet(["thead", "tbody", "tfoot"]);

    private static readonly FrozenSet<string> Cells = FrozenSet.ToFrozenSet(["td", "th"]);

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

    /// <summary>What a tag name means to the estimate, looked up once per distinct name in a scan.</summary>
    [Flags]
    private enum TagRole
    {
        None = 0,
        Void = 1 << 0,
        RawText = 1 << 1,
        ClosesParagraph = 1 << 2,
        ScopeBoundary = 1 << 3,
        ListItemBoundary = 1 << 4,
        TableBoundary = 1 << 5,
        RowBoundary = 1 << 6,
        Heading = 1 << 7,
        Cell = 1 << 8,
        Row = 1 << 9,
        TableSection = 1 << 10,
        ListItem = 1 << 11,
        DefinitionItem = 1 << 12,
        Foreign = 1 << 13,
    }

    /// <summary>Roles that are counted while open, so a search for one is skipped when none is.</summary>
    private static readonly TagRole[] CountedRoles = [TagRole.Cell, TagRole.Row, TagRole.TableSection, TagRole.ListItem, TagRole.DefinitionItem, TagRole.Foreign];

    private static readonly FrozenDictionary<string, TagRole> Roles = BuildRoles();

    private static FrozenDictionary<string, TagRole> BuildRoles()
    {
        var roles = new Dictionary<string, TagRole>(StringComparer.Ordinal);
        void Mark(IEnumerable<string> names, TagRole role)
        {
            foreach (var name in names)
            {
                roles[name] = roles.GetValueOrDefault(name) | role;
            }
        }

        Mark(VoidElements, TagRole.Void);
        Mark(RawTextElements, TagRole.RawText);
        Mark(ClosesParagraph, TagRole.ClosesParagraph);
        Mark(ScopeBoundaries, TagRole.ScopeBoundary);
        Mark(ListItemBoundaries, TagRole.ListItemBoundary);
        Mark(TableBoundary, TagRole.TableBoundary | TagRole.RowBoundary);
        Mark(["tr"], TagRole.RowBoundary | TagRole.Row);
        Mark(Headings, TagRole.Heading);
        Mark(Cells, TagRole.Cell);
        Mark(TableSections, TagRole.TableSection);
        Mark(["li"], TagRole.ListItem);
        Mark(["dd", "dt"], TagRole.DefinitionItem);
        Mark(["svg", "math"], TagRole.Foreign);
        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A tag name seen in one scan, with how many elements of it are open.</summary>
    private sealed class Tag(string name, TagRole roles)
    {
        public string Name { get; } = name;

        public TagRole Roles { get; } = roles;

        public int Open { get; set; }

        public bool Is(TagRole role) => (Roles & role) != 0;
    }

    /// <summary>One pass over one HTML text: the estimated stack of open elements.</summary>
    private sealed class HtmlScan(string html, int maxDepth, int maxElements)
    {
        private readonly List<Tag> _open = [];
        private readonly int[] _openByRole = new int[CountedRoles.Length];
        private readonly Dictionary<string, Tag>.AlternateLookup<ReadOnlySpan<char>> _tags =
            new Dictionary<string, Tag>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

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
                var (tag, after) = ReadName(lt + 2);
                if (tag.Open > 0)
                {
                    Pop(_open.LastIndexOf(tag)); // a stray end tag changes nothing
                }

                return (TagEnd(after), MarkupExcess.None);
            }

            return char.IsAsciiLetter(span[1]) ? StartTag(lt) : (lt + 1, MarkupExcess.None);
        }

        private (int Next, MarkupExcess Excess) StartTag(int lt)
        {
            var (tag, after) = ReadName(lt + 1);
            var end = TagEnd(after);
            if (++_elements > maxElements)
            {
                return (end, MarkupExcess.TooManyElements);
            }

            if (tag.Is(TagRole.RawText))
            {
                return (SkipRawText(tag.Name, end), MarkupExcess.None);
            }

            if (tag.Name == "plaintext")
            {
                return (html.Length, MarkupExcess.None); // the rest of the document is its text
            }

            var selfClosing = end - 2 >= after && html[end - 2] == '/';
            if (tag.Is(TagRole.Void) || (selfClosing && OpenCount(TagRole.Foreign) > 0))
            {
                return (end, MarkupExcess.None);
            }

            if (tag.Name == "form" && tag.Open > 0)
            {
                return (end, MarkupExcess.None); // the parser ignores a form inside a form
            }

            CloseImplied(tag);
            Push(tag);
            return (end, _open.Count > maxDepth ? MarkupExcess.TooDeeplyNested : MarkupExcess.None);
        }

        /// <summary>The end tags a start tag implies, as far as they change the depth.</summary>
        private void CloseImplied(Tag tag)
        {
            if (tag.Is(TagRole.ClosesParagraph))
            {
                CloseNearest("p", TagRole.ScopeBoundary);
            }

            if (tag.Is(TagRole.ListItem))
            {
                CloseNearestOf(TagRole.ListItem, TagRole.ListItemBoundary);
            }
            else if (tag.Is(TagRole.DefinitionItem))
            {
                CloseNearestOf(TagRole.DefinitionItem, TagRole.ListItemBoundary);
            }
            else if (tag.Is(TagRole.Cell))
            {
                CloseNearestOf(TagRole.Cell, TagRole.RowBoundary);
            }
            else if (tag.Is(TagRole.Row | TagRole.TableSection))
            {
                CloseNearestOf(TagRole.Cell, TagRole.TableBoundary);
                CloseNearestOf(TagRole.Row, TagRole.TableBoundary);
                if (tag.Is(TagRole.TableSection))
                {
                    CloseNearestOf(TagRole.TableSection, TagRole.TableBoundary);
                }
            }
            else if (tag.Is(TagRole.Heading))
            {
                if (_open.Count > 0 && _open[^1].Is(TagRole.Heading))
                {
                    Pop(_open.Count - 1);
                }
            }
            else
            {
                switch (tag.Name)
                {
                    case "option" or "optgroup":
                        CloseTop("option");
                        if (tag.Name == "optgroup")
                        {
                            CloseTop("optgroup");
                        }

                        break;
                    case "a" or "nobr":
                        // The common slip, a link left open before the next one: the parser closes it (adoption agency).
                        CloseTop(tag.Name);
                        break;
                    case "button":
                        CloseNearest("button", TagRole.ScopeBoundary);
                        break;
                }
            }
        }

        private void CloseTop(string name)
        {
            if (_open.Count > 0 && _open[^1].Name == name)
            {
                Pop(_open.Count - 1);
            }
        }

        private void CloseNearest(string name, TagRole boundaries)
        {
            if (!_tags.TryGetValue(name, out var tag) || tag.Open == 0)
            {
                return;
            }

            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(_open[i], tag))
                {
                    Pop(i);
                    return;
                }

                if (_open[i].Is(boundaries))
                {
                    return;
                }
            }
        }

        private void CloseNearestOf(TagRole role, TagRole boundaries)
        {
            if (OpenCount(role) == 0)
            {
                return;
            }

            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i].Is(role))
                {
                    Pop(i);
                    return;
                }

                if (_open[i].Is(boundaries))
                {
                    return;
                }
            }
        }

        private int OpenCount(TagRole role) => _openByRole[Array.IndexOf(CountedRoles, role)];

        private void Push(Tag tag)
        {
            _open.Add(tag);
            Count(tag, 1);
        }

        /// <summary>Pops the element at <paramref name="index"/> and everything opened inside it.</summary>
        private void Pop(int index)
        {
            for (var i = _open.Count - 1; i >= index; i--)
            {
                Count(_open[i], -1);
            }

            _open.RemoveRange(index, _open.Count - index);
        }

        private void Count(Tag tag, int delta)
        {
            tag.Open += delta;
            if (tag.Roles == TagRole.None)
            {
                return;
            }

            for (var r = 0; r < CountedRoles.Length; r++)
            {
                if (tag.Is(CountedRoles[r]))
                {
                    _openByRole[r] += delta;
                }
            }
        }

        /// <summary>The tag at <paramref name="start"/>, its name lower-cased, one object per distinct name in this scan.</summary>
        private (Tag Tag, int After) ReadName(int start)
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
            if (!_tags.TryGetValue(key, out var tag))
            {
                var name = key.ToString();
                tag = new Tag(name, Roles.GetValueOrDefault(name));
                _tags[key] = tag;
            }

            return (tag, end);
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

namespace FeedHarvester.Html;

/// <summary>
/// Counts elements and estimates their nesting from the markup text alone, in one pass and without building a tree,
/// so a hostile document is refused before a parser spends time and memory on it (AngleSharp's tree builder walks the
/// open-element stack on every start tag: quadratic in the depth). The estimate follows the HTML rules that keep
/// real pages shallow (void elements, raw-text elements, the end tags a start tag implies: p, li, dd/dt, table
/// parts, option) and stops at the first limit passed. <see cref="DomShape"/> checks the parsed tree exactly.
/// </summary>
internal static class MarkupCensus
{
    /// <summary>Checks HTML against <see cref="MarkupLimits.MaxDepth"/> and <see cref="MarkupLimits.MaxElements"/>.</summary>
    public static MarkupExcess CheckHtml(string html) => CheckHtml(html, MarkupLimits.MaxDepth, MarkupLimits.MaxElements);

    /// <summary>Checks HTML held in a buffer (a page decoded into pooled memory) against the same limits.</summary>
    public static MarkupExcess CheckHtml(ReadOnlyMemory<char> html) => CheckHtml(html, MarkupLimits.MaxDepth, MarkupLimits.MaxElements);

    public static MarkupExcess CheckHtml(string html, int maxDepth, int maxElements)
    {
        ArgumentNullException.ThrowIfNull(html);
        return CheckHtml(html.AsMemory(), maxDepth, maxElements);
    }

    public static MarkupExcess CheckHtml(ReadOnlyMemory<char> html, int maxDepth, int maxElements) =>
        html.Span.Contains('<') ? new HtmlScan(html.Span, maxDepth, maxElements).Run() : MarkupExcess.None;

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

    /// <summary>A tag name seen in one scan, with how many elements of it are open.</summary>
    private sealed class Tag(string name, HtmlTagRole roles)
    {
        public string Name { get; } = name;

        public HtmlTagRole Roles { get; } = roles;

        public int Open { get; set; }

        public bool Is(HtmlTagRole role) => (Roles & role) != 0;
    }

    /// <summary>One pass over one HTML text: the estimated stack of open elements.</summary>
    private ref struct HtmlScan
    {
        private readonly ReadOnlySpan<char> _html;
        private readonly int _maxDepth;
        private readonly int _maxElements;
        private readonly List<Tag> _open = [];
        private readonly int[] _openByRole = new int[HtmlTagRoles.Counted.Length];
        private readonly Dictionary<string, Tag>.AlternateLookup<ReadOnlySpan<char>> _tags =
            new Dictionary<string, Tag>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private int _elements;

        public HtmlScan(ReadOnlySpan<char> html, int maxDepth, int maxElements)
        {
            _html = html;
            _maxDepth = maxDepth;
            _maxElements = maxElements;
        }

        public MarkupExcess Run()
        {
            var i = _html.IndexOf('<');
            while (i >= 0)
            {
                var (next, excess) = Markup(i);
                if (excess != MarkupExcess.None)
                {
                    return excess;
                }

                i = next < _html.Length ? IndexOf('<', next) : -1;
            }

            return MarkupExcess.None;
        }

        /// <summary>Reads the markup at <paramref name="lt"/>; returns where to go on.</summary>
        private (int Next, MarkupExcess Excess) Markup(int lt)
        {
            var span = _html[lt..];
            if (span.StartsWith("<!--"))
            {
                var end = IndexOf("-->", lt + 4);
                return (end < 0 ? _html.Length : end + 3, MarkupExcess.None);
            }

            if (span.Length < 2)
            {
                return (_html.Length, MarkupExcess.None);
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
            if (++_elements > _maxElements)
            {
                return (end, MarkupExcess.TooManyElements);
            }

            if (tag.Is(HtmlTagRole.RawText))
            {
                return (SkipRawText(tag.Name, end), MarkupExcess.None);
            }

            if (tag.Name == "plaintext")
            {
                return (_html.Length, MarkupExcess.None); // the rest of the document is its text
            }

            var selfClosing = end - 2 >= after && _html[end - 2] == '/';
            if (tag.Is(HtmlTagRole.Void) || (selfClosing && OpenCount(HtmlTagRole.Foreign) > 0))
            {
                return (end, MarkupExcess.None);
            }

            if (tag.Name == "form" && tag.Open > 0)
            {
                return (end, MarkupExcess.None); // the parser ignores a form inside a form
            }

            CloseImplied(tag);
            Push(tag);
            return (end, _open.Count > _maxDepth ? MarkupExcess.TooDeeplyNested : MarkupExcess.None);
        }

        /// <summary>The end tags a start tag implies, as far as they change the depth.</summary>
        private void CloseImplied(Tag tag)
        {
            if (tag.Is(HtmlTagRole.ClosesParagraph))
            {
                CloseNearest("p", HtmlTagRole.ScopeBoundary);
            }

            if (tag.Is(HtmlTagRole.ListItem))
            {
                CloseNearestOf(HtmlTagRole.ListItem, HtmlTagRole.ListItemBoundary);
            }
            else if (tag.Is(HtmlTagRole.DefinitionItem))
            {
                CloseNearestOf(HtmlTagRole.DefinitionItem, HtmlTagRole.ListItemBoundary);
            }
            else if (tag.Is(HtmlTagRole.Cell))
            {
                CloseNearestOf(HtmlTagRole.Cell, HtmlTagRole.RowBoundary);
            }
            else if (tag.Is(HtmlTagRole.Row | HtmlTagRole.TableSection))
            {
                CloseNearestOf(HtmlTagRole.Cell, HtmlTagRole.TableBoundary);
                CloseNearestOf(HtmlTagRole.Row, HtmlTagRole.TableBoundary);
                if (tag.Is(HtmlTagRole.TableSection))
                {
                    CloseNearestOf(HtmlTagRole.TableSection, HtmlTagRole.TableBoundary);
                }
            }
            else if (tag.Is(HtmlTagRole.Heading))
            {
                if (_open.Count > 0 && _open[^1].Is(HtmlTagRole.Heading))
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
                        CloseNearest("button", HtmlTagRole.ScopeBoundary);
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

        private void CloseNearest(string name, HtmlTagRole boundaries)
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

        private void CloseNearestOf(HtmlTagRole role, HtmlTagRole boundaries)
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

        private int OpenCount(HtmlTagRole role) => _openByRole[Array.IndexOf(HtmlTagRoles.Counted, role)];

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
            if (tag.Roles == HtmlTagRole.None)
            {
                return;
            }

            for (var r = 0; r < HtmlTagRoles.Counted.Length; r++)
            {
                if (tag.Is(HtmlTagRoles.Counted[r]))
                {
                    _openByRole[r] += delta;
                }
            }
        }

        /// <summary>The tag at <paramref name="start"/>, its name lower-cased, one object per distinct name in this scan.</summary>
        private (Tag Tag, int After) ReadName(int start)
        {
            var end = start;
            while (end < _html.Length && !char.IsWhiteSpace(_html[end]) && _html[end] is not ('/' or '>'))
            {
                end++;
            }

            var raw = _html[start..end];
            Span<char> lower = stackalloc char[Math.Min(raw.Length, 64)];
            var length = raw[..lower.Length].ToLowerInvariant(lower);
            var key = lower[..length];
            if (!_tags.TryGetValue(key, out var tag))
            {
                var name = key.ToString();
                tag = new Tag(name, HtmlTagRoles.Of(name));
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
                var next = _html[i..].IndexOfAny('>', '"', '\'');
                if (next < 0)
                {
                    return _html.Length;
                }

                i += next;
                if (_html[i] == '>')
                {
                    return i + 1;
                }

                if (!FollowsEquals(i, from))
                {
                    i++; // a quote inside a name or an unquoted value is just a character
                    continue;
                }

                var close = IndexOf(_html[i], i + 1);
                if (close < 0)
                {
                    return _html.Length;
                }

                i = close + 1;
            }
        }

        private bool FollowsEquals(int quote, int from)
        {
            var i = quote - 1;
            while (i >= from && char.IsWhiteSpace(_html[i]))
            {
                i--;
            }

            return i >= from && _html[i] == '=';
        }

        private int SkipRawText(string name, int from)
        {
            var i = from;
            while ((i = IndexOf("</", i)) >= 0)
            {
                var rest = _html[(i + 2)..];
                if (rest.Length >= name.Length && rest[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }

                i += 2;
            }

            return _html.Length;
        }

        private int IndexOf(char value, int from)
        {
            var found = _html[from..].IndexOf(value);
            return found < 0 ? -1 : from + found;
        }

        private int IndexOf(string value, int from)
        {
            var found = _html[from..].IndexOf(value, StringComparison.Ordinal);
            return found < 0 ? -1 : from + found;
        }
    }
}

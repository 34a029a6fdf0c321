using System.Collections.Frozen;
using System.Text.RegularExpressions;
using FeedHarvester.Fuzz.Corpus;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Finds where structure-aware mutations can go: insertion points (with the escaping each needs) and start
/// tags. A tolerant byte-level scan, not a parser: it must work on documents earlier mutations already broke.
/// </summary>
internal static partial class MarkupScanner
{
    /// <summary>
    /// Enough points to choose from in any fixture, few enough that scanning a 10 MB mutated document stays
    /// quick; points past this many are never chosen.
    /// </summary>
    public const int MaxPoints = 100_000;

    /// <summary>Feed elements whose text is HTML written as entities (RSS description, Atom type="html" …).</summary>
    private static readonly FrozenSet<string> HtmlTextElements = FrozenSet.ToFrozenSet(
        ["description", "summary", "content", "encoded", "subtitle", "title", "tagline"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawTextElements = FrozenSet.ToFrozenSet(
        ["script", "style"], StringComparer.OrdinalIgnoreCase);

    public static List<Slot> Slots(FuzzDocument document) =>
        document.LooksLikeJson ? JsonSlots(document.Raw) : MarkupSlots(document.Raw, document.Kind);

    /// <summary>Start tags in document order (at most <see cref="MaxPoints"/>), skipping comments, CDATA and scripts.</summary>
    public static List<StartTag> StartTags(string raw)
    {
        var tags = new List<StartTag>();
        Walk(raw, (tag, _) => tags.Add(tag), static (_, _) => { }, () => tags.Count >= MaxPoints);
        return tags;
    }

    /// <summary>Where the element opened by <paramref name="tag"/> ends (after its matching end tag), or after
    /// the start tag when it has none.</summary>
    public static int ElementEnd(string raw, StartTag tag)
    {
        var afterStart = tag.Close + 1;
        if (tag.SelfClosing(raw))
        {
            return afterStart;
        }

        var depth = 1;
        var i = afterStart;
        while (i < raw.Length)
        {
            var lt = raw.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= raw.Length)
            {
                break;
            }

            if (raw[lt + 1] == '/' && NameAt(raw, lt + 2).Equals(tag.Name, StringComparison.OrdinalIgnoreCase))
            {
                depth--;
                if (depth == 0)
                {
                    var gt = raw.IndexOf('>', lt);
                    return gt < 0 ? raw.Length : gt + 1;
                }
            }
            else if (NameAt(raw, lt + 1).Equals(tag.Name, StringComparison.OrdinalIgnoreCase))
            {
                depth++;
            }

            i = lt + 1;
        }

        return afterStart;
    }

    /// <summary>Positions where a JSON object starts (outside strings): a new member can be inserted after each.</summary>
    public static List<int> JsonObjectStarts(string raw)
    {
        var starts = new List<int>();
        var inString = false;
        for (var i = 0; i < raw.Length && starts.Count < MaxPoints; i++)
        {
            var c = raw[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static List<Slot> MarkupSlots(string raw, InputKind kind)
    {
        var slots = new List<Slot>();
        var page = kind == InputKind.Page;
        Walk(
            raw,
            (tag, inText) =>
            {
                var after = tag.Close + 1;
                var local = LocalName(tag.Name);
                if (RawTextElements.Contains(local))
                {
                    return; // script or style text: markup inserted there never reaches a tree
                }

                var escaped = !page && HtmlTextElements.Contains(local) && after < raw.Length && raw[after] != '<';
                slots.Add(new Slot(after, escaped ? SlotContext.EscapedMarkup : SlotContext.Markup, page || inText > 0));
            },
            (cdataStart, _) => slots.Add(new Slot(cdataStart, SlotContext.Markup, InContent: true)),
            () => slots.Count >= MaxPoints);
        if (slots.Count == 0)
        {
            slots.Add(new Slot(raw.Length, SlotContext.Markup, InContent: false));
        }

        return slots;
    }

    private static List<Slot> JsonSlots(string raw)
    {
        var slots = new List<Slot>();
        foreach (Match match in JsonStringMember().Matches(raw))
        {
            var key = match.Groups["key"].Value;
            var content = key.Contains("content", StringComparison.Ordinal) || key.Contains("summary", StringComparison.Ordinal);
            slots.Add(new Slot(match.Index + match.Length, SlotContext.JsonString, content));
            if (slots.Count >= MaxPoints)
            {
                break;
            }
        }

        if (slots.Count == 0)
        {
            slots.Add(new Slot(raw.Length, SlotContext.Markup, InContent: false));
        }

        return slots;
    }

    /// <summary>Calls <paramref name="onStartTag"/> for each start tag (with how many feed HTML-text elements
    /// are open around it) and <paramref name="onCdata"/> with the start and end of each CDATA section's content.</summary>
    private static void Walk(string raw, Action<StartTag, int> onStartTag, Action<int, int> onCdata, Func<bool> full)
    {
        var i = 0;
        var inText = 0;
        while (i < raw.Length && !full())
        {
            var lt = raw.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= raw.Length)
            {
                return;
            }

            var rest = raw.AsSpan(lt);
            if (rest.StartsWith("<![CDATA["))
            {
                var end = raw.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
                onCdata(lt + 9, end < 0 ? raw.Length : end);
                i = end < 0 ? raw.Length : end + 3;
                continue;
            }

            if (rest.StartsWith("<!--"))
            {
                var end = raw.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? raw.Length : end + 3;
                continue;
            }

            var name = NameAt(raw, lt + 1);
            var gt = raw.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                return;
            }

            if (name.Length == 0)
            {
                if (raw[lt + 1] == '/' && HtmlTextElements.Contains(LocalName(NameAt(raw, lt + 2))))
                {
                    inText = Math.Max(0, inText - 1);
                }

                i = raw[lt + 1] is '/' or '!' or '?' ? gt + 1 : lt + 1;
                continue;
            }

            var tag = new StartTag(lt, gt, name);
            var opensText = HtmlTextElements.Contains(LocalName(name)) && !tag.SelfClosing(raw);
            inText += opensText ? 1 : 0;
            onStartTag(tag, inText);
            i = gt + 1;
            if (RawTextElements.Contains(name))
            {
                var end = raw.IndexOf("</" + name, gt, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? raw.Length : end;
            }
        }
    }

    private static string NameAt(string raw, int start)
    {
        var end = start;
        while (end < raw.Length && (char.IsAsciiLetterOrDigit(raw[end]) || raw[end] is ':' or '_' or '-' or '.'))
        {
            end++;
        }

        return end > start && char.IsAsciiLetter(raw[start]) ? raw[start..end] : "";
    }

    private static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    [GeneratedRegex("\"(?<key>(?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"")]
    private static partial Regex JsonStringMember();
}

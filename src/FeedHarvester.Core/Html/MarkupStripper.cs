using System.Net;
using System.Text;

namespace FeedHarvester.Html;

/// <summary>
/// Text of markup that is refused as a tree (<see cref="MarkupCensus"/>): tags and comments dropped, entities decoded,
/// whitespace collapsed, in one pass. The words of a hostile fragment survive; its structure does not.
/// </summary>
internal static class MarkupStripper
{
    /// <summary>Elements whose content is code or styling, not words: skipped up to their end tag.</summary>
    private static readonly string[] NonTextElements = ["script", "style", "noscript"];

    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(Math.Min(html.Length, 1 << 20));
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var end = lt < 0 ? html.Length : lt;
            _ = text.Append(html, i, end - i);
            if (lt < 0)
            {
                break;
            }

            i = SkipMarkup(html, lt, text);
        }

        return Collapse(WebUtility.HtmlDecode(text.ToString()));
    }

    /// <summary>The text as one escaped paragraph, or empty: safe HTML to put where the fragment was.</summary>
    public static string ToParagraph(string html)
    {
        var text = ToText(html);
        return text.Length == 0 ? "" : "<p>" + WebUtility.HtmlEncode(text) + "</p>";
    }

    private static int SkipMarkup(string html, int lt, StringBuilder text)
    {
        if (html.AsSpan(lt).StartsWith("<!--"))
        {
            var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
        {
            _ = text.Append('<'); // a '<' that starts no tag is text
            return lt + 1;
        }

        // A tag ends a word: "a<br>b" is two words.
        _ = text.Append(' ');
        var end = html.IndexOf('>', lt + 1);
        if (end < 0)
        {
            return html.Length;
        }

        return NonTextElementAt(html, lt + 1) is { } name ? SkipPast(html, "</" + name, end + 1) : end + 1;
    }

    private static string? NonTextElementAt(string html, int nameStart)
    {
        foreach (var name in NonTextElements)
        {
            var after = nameStart + name.Length;
            if (html.AsSpan(nameStart).StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || !char.IsAsciiLetterOrDigit(html[after])))
            {
                return name;
            }
        }

        return null;
    }

    private static int SkipPast(string html, string endTag, int from)
    {
        var close = html.IndexOf(endTag, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return html.Length;
        }

        var end = html.IndexOf('>', close + endTag.Length);
        return end < 0 ? html.Length : end + 1;
    }

    /// <summary>Runs of whitespace as one space, none at either end.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                _ = collapsed.Append(' ');
                space = false;
            }

            _ = collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}

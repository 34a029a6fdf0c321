using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>
/// Measures text without building strings: scoring measures nested containers many times, and
/// <c>TextContent</c> would allocate a copy of the subtree's text on every call.
/// </summary>
public static class TextMeasurer
{
    public static TextStats Measure(INode node)
    {
        var chars = 0;
        var linkChars = 0;
        var commas = 0;
        Walk(node, inLink: false, ref chars, ref linkChars, ref commas);
        return new TextStats(chars, linkChars, commas);
    }

    private static void Walk(INode node, bool inLink, ref int chars, ref int linkChars, ref int commas)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                var (c, k) = CountText(text.Data);
                chars += c;
                commas += k;
                if (inLink)
                {
                    linkChars += c;
                }
            }
            else if (child is IElement element && !DomRules.IsNonContent(element))
            {
                Walk(element, inLink || element.LocalName == "a", ref chars, ref linkChars, ref commas);
            }
        }
    }

    internal static (int Chars, int Commas) CountText(string data)
    {
        var chars = 0;
        var commas = 0;
        var inSpace = false;
        foreach (var ch in data)
        {
            if (char.IsWhiteSpace(ch))
            {
                inSpace = true;
                continue;
            }

            if (inSpace && chars > 0)
            {
                chars++;
            }

            inSpace = false;
            chars++;
            if (ch is ',' or '，' or '、' or '،')
            {
                commas++;
            }
        }

        return (chars, commas);
    }
}

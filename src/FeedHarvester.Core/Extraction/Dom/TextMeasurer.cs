using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// Measures text without building strings: scoring measures nested containers many times, and
/// <c>TextContent</c> would allocate a copy of the subtree's text on every call.
/// </summary>
internal static class TextMeasurer
{
    public static TextStats Measure(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var chars = 0;
        var linkChars = 0;
        var commas = 0;
        var stack = new Stack<(INode Parent, int Next, bool InLink)>();
        stack.Push((node, 0, false));
        while (stack.TryPop(out var frame))
        {
            var children = frame.Parent.ChildNodes;
            if (frame.Next >= children.Length)
            {
                continue;
            }

            stack.Push(frame with { Next = frame.Next + 1 });
            var child = children[frame.Next];
            if (child is IText text)
            {
                var (c, k) = CountText(text.Data);
                chars += c;
                commas += k;
                if (frame.InLink)
                {
                    linkChars += c;
                }
            }
            else if (child is IElement element && !DomRules.IsNonContent(element))
            {
                stack.Push((element, 0, frame.InLink || element.LocalName == "a"));
            }
        }

        return new TextStats(chars, linkChars, commas);
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

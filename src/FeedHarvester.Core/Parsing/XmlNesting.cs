using System.Text;
using System.Xml.Linq;

namespace FeedHarvester.Parsing;

/// <summary>
/// Bounds the depth of a loaded feed tree: an element at the limit that still has child elements keeps only their
/// text. Loading is iterative, but reading a tree is not everywhere (XElement.Value recurses per level, in our
/// readers and in CodeHollow's), so no reader is handed a tree deeper than <see cref="Cleaning.MarkupLimits.MaxDepth"/>.
/// </summary>
internal static class XmlNesting
{
    /// <summary>Flattens what lies below <paramref name="maxDepth"/> (the root at depth 1); true when anything was.</summary>
    public static bool Flatten(XElement root, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(root);
        var flattened = false;
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.TryPop(out var item))
        {
            if (item.Depth >= maxDepth)
            {
                if (item.Element.HasElements)
                {
                    item.Element.ReplaceNodes(new XText(TextOf(item.Element)));
                    flattened = true;
                }

                continue;
            }

            foreach (var child in item.Element.Elements())
            {
                stack.Push((child, item.Depth + 1));
            }
        }

        return flattened;
    }

    /// <summary>All text under the element in document order; DescendantNodes walks by parent links, not recursion.</summary>
    private static string TextOf(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            if (node is XText t)
            {
                _ = text.Append(t.Value);
            }
        }

        return text.ToString();
    }
}

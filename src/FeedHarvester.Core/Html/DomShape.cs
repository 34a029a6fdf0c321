using AngleSharp.Dom;

namespace FeedHarvester.Html;

/// <summary>
/// The exact depth and element count of a parsed tree, measured without recursion. <see cref="MarkupCensus"/> only
/// estimates from the text; this is the check that guarantees no walker is handed a tree deeper than the limit.
/// </summary>
internal static class DomShape
{
    /// <summary>What is wrong with the tree under <paramref name="root"/> (the root at depth 0), if anything.</summary>
    public static MarkupExcess Check(INode root, int maxDepth = MarkupLimits.MaxDepth, int maxElements = MarkupLimits.MaxElements)
    {
        ArgumentNullException.ThrowIfNull(root);
        var elements = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.TryPop(out var item))
        {
            var children = item.Node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement element)
                {
                    continue;
                }

                if (++elements > maxElements)
                {
                    return MarkupExcess.TooManyElements;
                }

                if (item.Depth + 1 > maxDepth)
                {
                    return MarkupExcess.TooDeeplyNested;
                }

                if (element.HasChildNodes)
                {
                    stack.Push((element, item.Depth + 1));
                }

                if (element is AngleSharp.Html.Dom.IHtmlTemplateElement template)
                {
                    stack.Push((template.Content, item.Depth + 1)); // a template's content is a tree of its own
                }
            }
        }

        return MarkupExcess.None;
    }
}

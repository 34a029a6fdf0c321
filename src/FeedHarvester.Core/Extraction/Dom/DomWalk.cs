using AngleSharp.Dom;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// Tree walks for the extractor that cost neither call stack per level nor a search per sibling. AngleSharp finds
/// a node's next sibling by searching its parent's child list, so a <c>NextSibling</c> loop over a parent with
/// 100,000 children is quadratic; these read the child list by index instead.
/// </summary>
internal static class DomWalk
{
    /// <summary>
    /// Shows <paramref name="visit"/> every element under <paramref name="root"/> in document order. The visitor may
    /// remove the element it is shown (and say so), or anything inside it, but nothing after it.
    /// </summary>
    public static void PreOrder(IElement root, Func<IElement, WalkStep> visit, WorkBudget? budget = null)
    {
        var stack = new Stack<(INode Parent, int Next)>();
        stack.Push((root, 0));
        while (stack.TryPop(out var frame))
        {
            var children = frame.Parent.ChildNodes;
            var i = frame.Next;
            while (i < children.Length && children[i] is not IElement)
            {
                i++;
            }

            if (i >= children.Length)
            {
                continue;
            }

            budget?.Step();
            var element = (IElement)children[i];
            switch (visit(element))
            {
                case WalkStep.Removed:
                    stack.Push((frame.Parent, i)); // the next sibling moved into this place
                    break;
                case WalkStep.SkipChildren:
                    stack.Push((frame.Parent, i + 1));
                    break;
                default:
                    stack.Push((frame.Parent, i + 1));
                    stack.Push((element, 0));
                    break;
            }
        }
    }

    /// <summary>The element children of <paramref name="parent"/>, in order, read by index.</summary>
    public static ElementChildren Children(INode parent) => new(parent.ChildNodes);

    /// <summary>True when <paramref name="parent"/> has exactly one element child (stops looking at the second).</summary>
    public static bool HasSingleElementChild(INode parent)
    {
        var count = 0;
        foreach (var _ in Children(parent))
        {
            if (++count > 1)
            {
                return false;
            }
        }

        return count == 1;
    }

    /// <summary>Enumerable over the element children of one child list.</summary>
    public readonly struct ElementChildren(INodeList nodes)
    {
        public Enumerator GetEnumerator() => new(nodes);
    }

    public struct Enumerator(INodeList nodes)
    {
        private int _index = -1;

        public IElement Current { get; private set; } = null!;

        public bool MoveNext()
        {
            while (++_index < nodes.Length)
            {
                if (nodes[_index] is IElement element)
                {
                    Current = element;
                    return true;
                }
            }

            return false;
        }
    }
}

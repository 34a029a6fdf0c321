using AngleSharp.Dom;
using FeedHarvester.Html;

namespace FeedHarvester.Cleaning;

/// <summary>
/// Copies a tree, leaving out dropped elements and the tags of unwrapped ones, in one pass. Removing or unwrapping
/// nodes in place costs a search and a shift of the parent's child list per node (AngleSharp keeps children in a
/// list), so a body of 100,000 siblings to unwrap took minutes; appending copies to a new parent costs a constant.
/// </summary>
internal static class TreeCopier
{
    /// <summary>
    /// Whether <paramref name="treat"/> keeps every element under <paramref name="root"/>, so there is nothing to
    /// copy; stops at the first it does not.
    /// </summary>
    public static bool KeepsAll(IElement root, Func<IElement, ElementTreatment> treat, WorkBudget budget)
    {
        var stack = new Stack<(INode Parent, int Next)>();
        stack.Push((root, 0));
        while (stack.TryPop(out var frame))
        {
            var children = frame.Parent.ChildNodes;
            if (frame.Next >= children.Length)
            {
                continue;
            }

            budget.Step();
            stack.Push((frame.Parent, frame.Next + 1));
            if (children[frame.Next] is IElement element)
            {
                if (treat(element) != ElementTreatment.Keep)
                {
                    return false;
                }

                stack.Push((element, 0));
            }
        }

        return true;
    }

    /// <summary>
    /// Returns a shallow copy of <paramref name="root"/> holding copies of the nodes under it that
    /// <paramref name="treat"/> keeps; text and CDATA are kept, comments and processing instructions are not.
    /// </summary>
    public static IElement Copy(IElement root, Func<IElement, ElementTreatment> treat, WorkBudget budget)
    {
        var copy = (IElement)root.Clone(deep: false);
        var stack = new Stack<(INode Source, int Next, INode Target)>();
        stack.Push((root, 0, copy));
        while (stack.TryPop(out var frame))
        {
            var children = frame.Source.ChildNodes;
            if (frame.Next >= children.Length)
            {
                continue;
            }

            budget.Step();
            stack.Push((frame.Source, frame.Next + 1, frame.Target));
            switch (children[frame.Next])
            {
                case IElement element:
                    var treatment = treat(element);
                    if (treatment == ElementTreatment.Keep)
                    {
                        var kept = frame.Target.AppendChild(element.Clone(deep: false));
                        stack.Push((element, 0, kept));
                    }
                    else if (treatment == ElementTreatment.Unwrap)
                    {
                        stack.Push((element, 0, frame.Target));
                    }
                    else if (treatment == ElementTreatment.AsDivision)
                    {
                        var division = frame.Target.AppendChild(element.Owner!.CreateElement(TagNames.Div));
                        stack.Push((element, 0, division));
                    }

                    break;
                case IText:
                    frame.Target.AppendChild(children[frame.Next].Clone(deep: false));
                    break;
            }
        }

        return copy;
    }
}

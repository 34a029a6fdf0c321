using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// Removes and moves nodes for one extraction pass, and records why (into <paramref name="removals"/>, when given),
/// so a lost paragraph can be traced to the rule that dropped it. Every change is journalled so <see cref="Restore"/>
/// can put the parsed tree back for a relaxed pass instead of parsing the page again; the subtree stats are kept
/// exact through every change.
/// </summary>
internal sealed class NodeRemover(List<(string Node, RemovalReason Reason)>? removals, WorkBudget? budget = null)
{
    private readonly List<(IElement Node, INode Parent, INode? Next)> _journal = [];
    private int _removed;

    /// <summary>The page's time allowance, stepped by every walk of the pass.</summary>
    public WorkBudget Budget { get; } = budget ?? WorkBudget.Unlimited();

    /// <summary>Subtree text measures and tag counts of the current tree.</summary>
    public TextStatsCache Stats { get; } = new(budget);

    /// <summary>Class/id vocabulary matches, shared by every pass over the page.</summary>
    public ClassNameMatcher Names { get; } = new();

    public void Remove(IElement element, RemovalReason reason)
    {
        Budget.Step();
        _removed++;
        removals?.Add((DomRules.Describe(element), reason));
        Detach(element);
        element.Remove();
    }

    /// <summary>Moves <paramref name="element"/> to the end of <paramref name="container"/>, restorable like a removal.</summary>
    public void MoveTo(IElement element, IElement container)
    {
        Detach(element);
        _ = container.AppendChild(element);
    }

    /// <summary>Nodes removed since the last <see cref="Restore"/>: what the current pass took out.</summary>
    public int Removed => _removed;

    /// <summary>Returns pooled buffers once the pass results are taken; the session must not be used afterwards.</summary>
    public void Release() => Stats.Release();

    /// <summary>Undoes every removal and move, newest first, so the tree is as parsed again.</summary>
    public void Restore()
    {
        for (var i = _journal.Count - 1; i >= 0; i--)
        {
            Budget.Step();
            var (node, parent, next) = _journal[i];
            _ = parent.InsertBefore(node, next);
        }

        _journal.Clear();
        _removed = 0;
        Stats.Clear();
    }

    private void Detach(IElement element)
    {
        if (element.Parent is { } parent)
        {
            _journal.Add((element, parent, element.NextSibling));
        }

        Stats.Detach(element);
    }
}

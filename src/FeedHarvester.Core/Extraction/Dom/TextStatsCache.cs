using AngleSharp.Dom;
using FeedHarvester.Html;

namespace FeedHarvester.Extraction.Dom;

/// <summary>
/// <see cref="ElementStats"/> per element, filled bottom-up (each element from its children) and kept exact as
/// nodes are removed: a removal subtracts the node's share from its cached ancestors. This replaces re-walking a
/// subtree every time a nested container is measured, which made scoring quadratic in the tree depth.
/// One instance per extraction pass; not thread-safe.
/// </summary>
internal sealed class TextStatsCache(WorkBudget? budget = null)
{
    // One map per thread, reused from page to page: filled anew for every page it would be the extractor's largest
    // allocation (thousands of entries, regrown several times, often on the large-object heap).
    [ThreadStatic]
    private static Dictionary<IElement, ElementStats>? SpareStats;

    private Dictionary<IElement, ElementStats> _stats = TakeSpare();

    // Subtrees still to be summed: kept across calls, so measuring costs no allocation once the pass is warm.
    private readonly Stack<(IElement Element, bool ChildrenDone)> _pending = new();

    /// <summary>Clears the map and hands it to the next extraction on this thread; this cache is empty afterwards.</summary>
    public void Release()
    {
        _stats.Clear();
        SpareStats = _stats;
        _stats = new(ReferenceEqualityComparer.Instance);
    }

    public TextStats Text(IElement element) => Of(element).Text;

    public ElementStats Of(IElement element)
    {
        if (_stats.TryGetValue(element, out var cached))
        {
            return cached;
        }

        // Bottom-up without recursion: an element is summed once all its (content) children are. Each element is
        // pushed once (only when not cached), and the element asked for is summed last.
        var stats = default(ElementStats);
        _pending.Push((element, false));
        while (_pending.TryPop(out var item))
        {
            if (item.ChildrenDone)
            {
                stats = Sum(item.Element);
                _stats[item.Element] = stats;
                continue;
            }

            budget?.Step();
            _pending.Push((item.Element, true));
            foreach (var child in DomWalk.Children(item.Element))
            {
                if (!DomRules.IsNonContent(child) && !_stats.ContainsKey(child))
                {
                    _pending.Push((child, false));
                }
            }
        }

        return stats;
    }

    /// <summary>An element's stats from its own text and its children's (already cached) stats.</summary>
    private ElementStats Sum(IElement element)
    {
        var stats = default(ElementStats);
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement e)
            {
                // Every content child was summed before its parent (see Of), so this never re-enters Of.
                stats.Add(ShareOf(e), 1);
            }
            else if (children[i] is IText text)
            {
                var (chars, commas) = TextMeasurer.CountText(text.Data);
                stats.Chars += chars;
                stats.Commas += commas;
            }
        }

        return stats;
    }

    private static Dictionary<IElement, ElementStats> TakeSpare()
    {
        var spare = SpareStats ?? new(ReferenceEqualityComparer.Instance);
        SpareStats = null;
        return spare;
    }

    /// <summary>Call just before <paramref name="element"/> leaves its parent (removed or moved elsewhere).</summary>
    public void Detach(IElement element)
    {
        if (DomRules.IsNonContent(element) && element.LocalName != "iframe")
        {
            return; // adds nothing to its ancestors (see ShareOf)
        }

        var share = ShareOf(element);
        for (var ancestor = element.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            ref var stats = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_stats, ancestor);
            if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref stats))
            {
                // Ancestors are only ever cached together with all their descendants, so none further up is cached.
                break;
            }

            stats.Add(share, -1);
            share = AsChild(ancestor, share);
        }
    }

    /// <summary>Forgets everything, e.g. after the tree was restored for another pass.</summary>
    public void Clear() => _stats.Clear();

    /// <summary>
    /// What <paramref name="element"/> adds to its parent's stats. Non-content elements (script, iframe, input…) add
    /// nothing but a kept video embed's one frame, not even to the tag counts: the cleaner removes them all before any rule reads the counts, and
    /// leaving them out spares walking their subtrees (inline SVG) and updating ancestors on each removal.
    /// </summary>
    private ElementStats ShareOf(IElement element) => !DomRules.IsNonContent(element)
        ? AsChild(element, WithSelf(element, Of(element)))
        : DomRules.IsKeptEmbed(element) ? new ElementStats { Frames = 1 } : default;

    private static ElementStats WithSelf(IElement element, ElementStats stats)
    {
        stats.CountSelf(element);
        return stats;
    }

    /// <summary>Text inside a link is link text to everything above the link; non-content text counts for nothing.</summary>
    private static ElementStats AsChild(IElement element, ElementStats share)
    {
        if (DomRules.IsNonContent(element))
        {
            return default;
        }

        if (element.LocalName == "a")
        {
            share.LinkChars = share.Chars;
        }

        return share;
    }
}

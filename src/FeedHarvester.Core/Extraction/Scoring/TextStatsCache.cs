using AngleSharp.Dom;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>
/// <see cref="ElementStats"/> per element, filled bottom-up (each element from its children) and kept exact as
/// nodes are removed: a removal subtracts the node's share from its cached ancestors. This replaces re-walking a
/// subtree every time a nested container is measured, which made scoring quadratic in the tree depth.
/// One instance per extraction pass; not thread-safe.
/// </summary>
internal sealed class TextStatsCache
{
    // One map per thread, reused from page to page: filled anew for every page it would be the extractor's largest
    // allocation (thousands of entries, regrown several times, often on the large-object heap).
    [ThreadStatic]
    private static Dictionary<IElement, ElementStats>? t_spare;

    private Dictionary<IElement, ElementStats> _stats = t_spare ?? new(ReferenceEqualityComparer.Instance);

    public TextStatsCache()
    {
        t_spare = null;
    }

    /// <summary>Clears the map and hands it to the next extraction on this thread; this cache is empty afterwards.</summary>
    public void Release()
    {
        _stats.Clear();
        t_spare = _stats;
        _stats = new(ReferenceEqualityComparer.Instance);
    }

    public TextStats Text(IElement element) => Of(element).Text;

    public ElementStats Of(IElement element)
    {
        if (_stats.TryGetValue(element, out var cached))
        {
            return cached;
        }

        var stats = default(ElementStats);
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IElement e)
            {
                stats.Add(ShareOf(e), 1);
            }
            else if (child is IText text)
            {
                var (chars, commas) = TextMeasurer.CountText(text.Data);
                stats.Chars += chars;
                stats.Commas += commas;
            }
        }

        _stats[element] = stats;
        return stats;
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

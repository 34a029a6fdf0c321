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
    private readonly Dictionary<IElement, ElementStats> _stats = new(ReferenceEqualityComparer.Instance);

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

    /// <summary>What <paramref name="element"/> adds to its parent's stats.</summary>
    private ElementStats ShareOf(IElement element) => AsChild(element, WithSelf(element, Of(element)));

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
            share.Chars = 0;
            share.LinkChars = 0;
            share.Commas = 0;
        }
        else if (element.LocalName == "a")
        {
            share.LinkChars = share.Chars;
        }

        return share;
    }
}

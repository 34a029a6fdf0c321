using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction;

/// <summary>
/// Removes everything that cannot be article text before scoring: non-content elements, hidden nodes, page
/// chrome, and (in the strict pass) elements named as furniture. An element holding most of the page's text is
/// never removed as furniture: that is the article under an unlucky name. In a <see cref="RegionScope"/> (the
/// main-region reading of a page) teaser lists and teaser boxes stay, and with it discussion: there they may be the
/// content (a listing's items, a thread's posts).
/// </summary>
internal sealed class TreeCleaner(NodeRemover remover, ExtractionFlags flags, RegionScope scope = RegionScope.None)
{
    /// <summary>The boilerplate groups the strict pass removes by, in rank order.</summary>
    private static readonly RankedGroups Furniture = new(BoilerplateVocabulary.Unlikely);

    /// <summary>The groups every pass removes by, relaxed ones too: what they name is never the article.</summary>
    private static readonly RankedGroups NeverArticle = new([.. BoilerplateVocabulary.Unlikely.Where(g => g.InEveryPass)]);

    /// <summary>The groups the main-region reading removes by: furniture that is never a page's items.</summary>
    private static readonly RankedGroups RegionFurniture =
        new([.. BoilerplateVocabulary.Unlikely.Where(g => !g.IsItems)]);

    /// <summary>As <see cref="RegionFurniture"/>, keeping discussion too.</summary>
    private static readonly RankedGroups RegionFurnitureKeepingDiscussion =
        new([.. BoilerplateVocabulary.Unlikely.Where(g => !g.IsItems && !g.IsDiscussion)]);

    private readonly bool _keepItems = scope != RegionScope.None;

    private int _pageChars;

    public void Clean(IElement body)
    {
        _pageChars = remover.Stats.Of(body).Chars;
        Visit(body);
        if (!_keepItems)
        {
            TeaserBoxRemover.Remove(body, remover, _pageChars);
        }
    }

    private void Visit(IElement parent) => DomWalk.PreOrder(parent, element =>
    {
        if (Judge(element) is not { } reason)
        {
            // Inside code, class names are the highlighter's tokens (hljs-comment, token-meta), never furniture.
            return DomRules.IsCode(element) ? WalkStep.SkipChildren : WalkStep.Descend;
        }

        remover.Remove(element, reason);
        return WalkStep.Removed;
    }, remover.Budget);

    private RemovalReason? Judge(IElement element)
    {
        if (DomRules.IsNonContent(element) && !DomRules.IsKeptEmbed(element))
        {
            return RemovalReason.NonContent;
        }

        if (IsHidden(element) && !IsHiddenContent(element))
        {
            return RemovalReason.Hidden;
        }

        if (element.LocalName == "form" && !HoldsArticle(element))
        {
            return RemovalReason.Form;
        }

        if (IsChrome(element) && !HoldsArticle(element))
        {
            return RemovalReason.Navigation;
        }

        if (scope == RegionScope.Unnamed)
        {
            return null;
        }

        if (_keepItems)
        {
            return JudgeByName(element, scope == RegionScope.ItemsAndDiscussion ? RegionFurnitureKeepingDiscussion : RegionFurniture);
        }

        return JudgeByName(element, flags.HasFlag(ExtractionFlags.StripUnlikely) ? Furniture : NeverArticle);
    }

    private RemovalReason? JudgeByName(IElement element, RankedGroups groups)
    {
        // blockquote: embedded posts and pull quotes carry vendor class names but are quoted content.
        if (element.LocalName is "body" or "html" or "a" or "blockquote")
        {
            return null;
        }

        var matches = remover.Names.Of(element);
        if (!matches.Overlaps(groups.Set) || matches.Has(ScoringVocabulary.MaybeBody))
        {
            return null;
        }

        // The group of highest rank names the reason and says whether the "most of the page" guard applies. A
        // region reading keeps a discussion that is most of the page (a thread); a consent dialog is never content.
        var group = matches.FirstOf(groups.Ranked)!;
        if (group == BoilerplateVocabulary.Share && DomRules.HoldsQuotation(element))
        {
            return null; // a "social" wrapper around a quotation is an embedded post; share buttons never hold one
        }

        var guardless = group.EvenWhenMostOfPage && !(_keepItems && group.IsDiscussion);
        return (guardless ? HasArticleBodyMarkup(element) : HoldsArticle(element)) ? null : group.Reason;
    }

    private static bool IsChrome(IElement element)
    {
        if (ElementSets.Chrome.Contains(element.LocalName))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        return role is not null && ElementSets.ChromeRoles.Contains(role);
    }

    internal static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && TextPatterns.HiddenStyle().IsMatch(style);
    }

    /// <summary>
    /// Hidden markup a script reveals as the page's content: a hidden child of the body (where streamed server
    /// rendering parks content until it is swapped into place), or a hidden element holding a large share of the page's
    /// text as prose (a "locked" or deferred content block), unlike a hidden menu, which is links.
    /// </summary>
    private bool IsHiddenContent(IElement element)
    {
        if (element.HasAttribute("hidden") && element.ParentElement?.LocalName == "body")
        {
            return true;
        }

        var stats = remover.Stats.Of(element).Text;
        return stats.Chars >= ExtractionThresholds.MinProtectedChars &&
               stats.Chars >= _pageChars * ExtractionThresholds.MinHiddenContentShare &&
               stats.LinkDensity <= ExtractionThresholds.MaxHiddenContentLinkDensity;
    }

    private bool HasArticleBodyMarkup(IElement element) => remover.Stats.Of(element).ArticleBodyMarks > 0;

    private bool HoldsArticle(IElement element)
    {
        if (HasArticleBodyMarkup(element))
        {
            return true;
        }

        var chars = remover.Stats.Of(element).Chars;
        return chars >= ExtractionThresholds.MinProtectedChars &&
               chars > _pageChars * ExtractionThresholds.MaxBoilerplateShareOfText;
    }

    /// <summary>Boilerplate groups in rank order, with their set for a quick test.</summary>
    private sealed class RankedGroups(VocabularyGroup[] ranked)
    {
        public VocabularyGroup[] Ranked { get; } = ranked;

        public VocabularyMatches Set { get; } = VocabularyMatches.Of(ranked);
    }
}

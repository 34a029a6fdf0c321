using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction;

/// <summary>
/// Removes everything that cannot be article text before scoring: non-content elements, hidden nodes, page
/// chrome, and (in the strict pass) elements named as furniture. An element holding most of the page's text is
/// never removed as furniture: that is the article under an unlucky name.
/// </summary>
internal sealed class TreeCleaner(NodeRemover remover, ExtractionFlags flags)
{
    /// <summary>The boilerplate groups the strict pass removes by, in rank order.</summary>
    private static readonly RankedGroups Furniture = new(BoilerplateVocabulary.Unlikely);

    /// <summary>The groups every pass removes by, relaxed ones too: what they name is never the article.</summary>
    private static readonly RankedGroups NeverArticle = new([.. BoilerplateVocabulary.Unlikely.Where(g => g.InEveryPass)]);

    private int _pageChars;

    public void Clean(IElement body)
    {
        _pageChars = remover.Stats.Of(body).Chars;
        Visit(body);
        TeaserBoxRemover.Remove(body, remover, _pageChars);
    }

    private void Visit(IElement parent) => DomWalk.PreOrder(parent, element =>
    {
        if (Judge(element) is not { } reason)
        {
            return WalkStep.Descend;
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

        if (IsHidden(element))
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

        // The group of highest rank names the reason and says whether the "most of the page" guard applies.
        var group = matches.FirstOf(groups.Ranked)!;
        return (group.EvenWhenMostOfPage ? HasArticleBodyMarkup(element) : HoldsArticle(element)) ? null : group.Reason;
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

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

        return JudgeByName(element, flags.HasFlag(ExtractionFlags.StripUnlikely)
            ? VocabularyMatches.Boilerplate
            : NeverArticle);
    }

    private RemovalReason? JudgeByName(IElement element, VocabularyMatches groups)
    {
        // blockquote: embedded posts and pull quotes carry vendor class names but are quoted content.
        if (element.LocalName is "body" or "html" or "a" or "blockquote")
        {
            return null;
        }

        var matches = remover.Names.Of(element);
        if ((matches & groups) == 0 || (matches & VocabularyMatches.MaybeBody) != 0)
        {
            return null;
        }

        // The first group in BoilerplateVocabulary.Unlikely order names the reason.
        var group = (VocabularyMatches)((int)(matches & groups) & -(int)(matches & groups));
        // Comment threads can outweigh the article, so the "most of the page" guard does not apply to them.
        var isComments = group == VocabularyMatches.Comments;
        return (isComments ? HasArticleBodyMarkup(element) : HoldsArticle(element)) ? null : ReasonFor(group);
    }

    /// <summary>Groups that are never the article (<see cref="BoilerplateVocabulary.NeverArticle"/>).</summary>
    private const VocabularyMatches NeverArticle = VocabularyMatches.Consent | VocabularyMatches.Comments;

    private static RemovalReason ReasonFor(VocabularyMatches group) => group switch
    {
        VocabularyMatches.Consent => RemovalReason.Consent,
        VocabularyMatches.Newsletter => RemovalReason.Newsletter,
        VocabularyMatches.Share => RemovalReason.Share,
        VocabularyMatches.Comments => RemovalReason.Comments,
        VocabularyMatches.Ads => RemovalReason.Ad,
        VocabularyMatches.Related => RemovalReason.Teaser,
        VocabularyMatches.Navigation => RemovalReason.Navigation,
        _ => RemovalReason.UnlikelyCandidate,
    };

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
}

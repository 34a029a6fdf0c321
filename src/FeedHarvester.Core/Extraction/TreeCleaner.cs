using AngleSharp.Dom;
using FeedHarvester.Cleaning;
using FeedHarvester.Extraction.Heuristics;
using FeedHarvester.Extraction.Scoring;

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
        _pageChars = TextMeasurer.Measure(body).Chars;
        Visit(body);
        TeaserBoxRemover.Remove(body, remover, _pageChars);
    }

    private void Visit(IElement parent)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextElementSibling;
            if (Judge(child) is { } reason)
            {
                remover.Remove(child, reason);
            }
            else
            {
                Visit(child);
            }

            child = next;
        }
    }

    private RemovalReason? Judge(IElement element)
    {
        if (DomRules.IsNonContent(element))
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
            ? BoilerplateVocabulary.Unlikely
            : BoilerplateVocabulary.NeverArticle);
    }

    private RemovalReason? JudgeByName(IElement element, VocabularyGroup[] groups)
    {
        var classAndId = DomRules.ClassAndId(element);
        // blockquote: embedded posts and pull quotes carry vendor class names but are quoted content.
        if (classAndId.Length == 0 || element.LocalName is "body" or "html" or "a" or "blockquote" ||
            ScoringVocabulary.MaybeBody.IsMatch(classAndId))
        {
            return null;
        }

        foreach (var group in groups)
        {
            if (group.IsMatch(classAndId))
            {
                // Comment threads can outweigh the article, so the "most of the page" guard does not apply to them.
                var isComments = ReferenceEquals(group, BoilerplateVocabulary.Comments);
                return (isComments ? HasArticleBodyMarkup(element) : HoldsArticle(element)) ? null : ReasonFor(group);
            }
        }

        return null;
    }

    private static RemovalReason ReasonFor(VocabularyGroup group) => group switch
    {
        _ when ReferenceEquals(group, BoilerplateVocabulary.Consent) => RemovalReason.Consent,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Newsletter) => RemovalReason.Newsletter,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Share) => RemovalReason.Share,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Comments) => RemovalReason.Comments,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Ads) => RemovalReason.Ad,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Related) => RemovalReason.Teaser,
        _ when ReferenceEquals(group, BoilerplateVocabulary.Navigation) => RemovalReason.Navigation,
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

    private static bool HasArticleBodyMarkup(IElement element) =>
        element.QuerySelector("[itemprop=articleBody]") is not null;

    private bool HoldsArticle(IElement element)
    {
        if (HasArticleBodyMarkup(element))
        {
            return true;
        }

        var chars = TextMeasurer.Measure(element).Chars;
        return chars >= ExtractionThresholds.MinProtectedChars &&
               chars > _pageChars * ExtractionThresholds.MaxBoilerplateShareOfText;
    }
}

using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>Score adjustment from an element's class/id words and its structured-data markup.</summary>
public static class ClassWeigher
{
    /// <summary>+<see cref="ExtractionThresholds.ClassWeight"/> for body words, minus as much for furniture words.</summary>
    public static double Weigh(IElement element)
    {
        var classAndId = DomRules.ClassAndId(element);
        if (classAndId.Length == 0)
        {
            return 0;
        }

        var weight = 0.0;
        if (ScoringVocabulary.Positive.IsMatch(classAndId))
        {
            weight += ExtractionThresholds.ClassWeight;
        }

        if (ScoringVocabulary.Negative.IsMatch(classAndId) || IsBoilerplate(classAndId))
        {
            weight -= ExtractionThresholds.ClassWeight;
        }

        return weight;
    }

    /// <summary>
    /// The page's own claim that this element is the body (schema.org itemprop). Evidence, not truth: it adds to the
    /// score like a strong class word but the element still has to hold the text to win.
    /// </summary>
    public static double StructuredDataBonus(IElement element) =>
        string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)
            ? 2 * ExtractionThresholds.ClassWeight
            : 0;

    private static bool IsBoilerplate(string classAndId)
    {
        foreach (var group in BoilerplateVocabulary.Unlikely)
        {
            if (group.IsMatch(classAndId))
            {
                return true;
            }
        }

        return false;
    }
}

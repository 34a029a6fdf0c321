using AngleSharp.Dom;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Scoring;

/// <summary>Score adjustment from an element's class/id words and its structured-data markup.</summary>
internal static class ClassWeigher
{
    /// <summary>Words for everything around the body: the negative group and every boilerplate group.</summary>
    private static readonly VocabularyMatches Furniture = VocabularyMatches.Of([ScoringVocabulary.Negative, .. BoilerplateVocabulary.Unlikely]);

    /// <summary>+<see cref="ExtractionThresholds.ClassWeight"/> for body words, minus as much for furniture words.</summary>
    public static double Weigh(IElement element) => Weigh(ClassNameMatcher.Match(DomRules.ClassAndId(element)));

    internal static double Weigh(VocabularyMatches matches)
    {
        var weight = 0.0;
        if (matches.Has(ScoringVocabulary.Positive))
        {
            weight += ExtractionThresholds.ClassWeight;
        }

        if (matches.Overlaps(Furniture))
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
            ? ExtractionThresholds.StructuredBodyWeight
            : 0;
}

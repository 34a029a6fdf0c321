namespace FeedHarvester.Extraction.Dom;

/// <summary>Which vocabulary groups an element's class/id matched; one bit per group.</summary>
[Flags]
internal enum VocabularyMatches
{
    None = 0,
    Consent = 1 << 0,
    Newsletter = 1 << 1,
    Share = 1 << 2,
    Comments = 1 << 3,
    Ads = 1 << 4,
    Related = 1 << 5,
    Navigation = 1 << 6,
    MaybeBody = 1 << 7,
    Positive = 1 << 8,
    Negative = 1 << 9,
    ArticleMeta = 1 << 10,

    /// <summary>Any of the boilerplate groups (<see cref="Heuristics.BoilerplateVocabulary.Unlikely"/>).</summary>
    Boilerplate = Consent | Newsletter | Share | Comments | Ads | Related | Navigation,
}

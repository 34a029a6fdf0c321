namespace FeedHarvester.Extraction;

/// <summary>Why a page gave no article.</summary>
public enum ExtractionFailure
{
    /// <summary>The page holds no article text (empty, or boilerplate only).</summary>
    NoArticleText,

    /// <summary>Elements nest deeper than the extractor walks; refused before any tree walk.</summary>
    TooDeeplyNested,

    /// <summary>More elements than the extractor builds a tree of; refused before parsing.</summary>
    TooManyElements,

    /// <summary>Extraction ran past Extraction:PageTimeBudget and was stopped.</summary>
    TimeBudgetExceeded,
}

namespace FeedHarvester.Html;

/// <summary>What a census found wrong with a document, if anything.</summary>
internal enum MarkupExcess
{
    None,

    /// <summary>Elements nest deeper than <see cref="MarkupLimits.MaxDepth"/>.</summary>
    TooDeeplyNested,

    /// <summary>More elements than the limit.</summary>
    TooManyElements,
}

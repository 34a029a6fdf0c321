namespace FeedHarvester.Extraction.Dom;

/// <summary>What a visitor did with the element it was shown.</summary>
internal enum WalkStep
{
    /// <summary>Go on into the element's children.</summary>
    Descend,

    /// <summary>Leave the element's children unvisited.</summary>
    SkipChildren,

    /// <summary>The visitor removed the element from its parent.</summary>
    Removed,
}

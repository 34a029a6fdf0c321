namespace FeedHarvester.Deduplication;

/// <summary>The kinds of evidence that an article was seen before.</summary>
public enum DedupeKeyKind
{
    /// <summary>The normalized URL (tracking parameters stripped) or the canonical URL.</summary>
    Url,

    /// <summary>The feed URL together with the entry's GUID.</summary>
    Guid,

    /// <summary>A fingerprint of a substantial body, scoped to the feed that listed it.</summary>
    Content,
}

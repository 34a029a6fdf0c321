namespace FeedHarvester.Pipeline;

/// <summary>What happened to one feed entry.</summary>
internal enum EntryOutcome
{
    /// <summary>New; the body came from the article page.</summary>
    NewFromPage,

    /// <summary>New; the page failed or gave too little, so the feed's own content was used.</summary>
    NewFromFeed,

    /// <summary>Seen before under one of its keys.</summary>
    Duplicate,

    /// <summary>A later near-copy of a story already seen, recorded and dropped (near-duplicate policy drop).</summary>
    DroppedCopy,

    /// <summary>Refused by policy (its page is on a private address or past the size limit); not emitted, logged.</summary>
    Rejected,
}

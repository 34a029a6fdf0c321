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

/// <summary>Thread-safe counts of entry outcomes for one poll.</summary>
internal sealed class EntryTally
{
    private int fromPage;
    private int fromFeed;
    private int duplicates;
    private int rejected;
    private int droppedCopies;
    private int linkedCopies;

    public int New => fromPage + fromFeed;

    public int FromFeed => fromFeed;

    public int Duplicates => duplicates;

    public int Rejected => rejected;

    public int DroppedCopies => droppedCopies;

    /// <summary>New articles that were near-copies of an earlier story, emitted with the link (counted in <see cref="New"/> too).</summary>
    public int LinkedCopies => linkedCopies;

    public void AddLinkedCopy() => Interlocked.Increment(ref linkedCopies);

    public void Add(EntryOutcome outcome)
    {
        switch (outcome)
        {
            case EntryOutcome.NewFromPage:
                _ = Interlocked.Increment(ref fromPage);
                break;
            case EntryOutcome.NewFromFeed:
                _ = Interlocked.Increment(ref fromFeed);
                break;
            case EntryOutcome.Rejected:
                _ = Interlocked.Increment(ref rejected);
                break;
            case EntryOutcome.DroppedCopy:
                _ = Interlocked.Increment(ref droppedCopies);
                break;
            default:
                _ = Interlocked.Increment(ref duplicates);
                break;
        }
    }
}

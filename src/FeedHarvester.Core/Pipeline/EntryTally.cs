namespace FeedHarvester.Pipeline;

/// <summary>Thread-safe counts of entry outcomes for one poll.</summary>
/// <param name="entries">How many entries the fetch listed: each ends with one outcome.</param>
internal sealed class EntryTally(int entries)
{
    private int fromPage;
    private int fromFeed;
    private int duplicates;
    private int rejected;
    private int droppedCopies;
    private int linkedCopies;

    public int Entries => entries;

    public int New => fromPage + fromFeed;

    public int FromFeed => fromFeed;

    public int Duplicates => duplicates;

    public int Rejected => rejected;

    public int DroppedCopies => droppedCopies;

    /// <summary>New articles that were near-copies of an earlier story, emitted with the link (counted in <see cref="New"/> too).</summary>
    public int LinkedCopies => linkedCopies;

    public void AddLinkedCopy() => _ = Interlocked.Increment(ref linkedCopies);

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

namespace FeedHarvester.Pipeline;

/// <summary>Thread-safe counts of entry outcomes for one poll.</summary>
/// <param name="entries">How many entries the fetch listed: each ends with one outcome.</param>
internal sealed class EntryTally(int entries)
{
    private int _fromPage;
    private int _fromFeed;
    private int _duplicates;
    private int _rejected;
    private int _droppedCopies;
    private int _linkedCopies;

    public int Entries => entries;

    public int New => _fromPage + _fromFeed;

    public int FromFeed => _fromFeed;

    public int Duplicates => _duplicates;

    public int Rejected => _rejected;

    public int DroppedCopies => _droppedCopies;

    /// <summary>New articles that were near-copies of an earlier story, emitted with the link (counted in <see cref="New"/> too).</summary>
    public int LinkedCopies => _linkedCopies;

    public void AddLinkedCopy() => _ = Interlocked.Increment(ref _linkedCopies);

    public void Add(EntryOutcome outcome)
    {
        switch (outcome)
        {
            case EntryOutcome.NewFromPage:
                _ = Interlocked.Increment(ref _fromPage);
                break;
            case EntryOutcome.NewFromFeed:
                _ = Interlocked.Increment(ref _fromFeed);
                break;
            case EntryOutcome.Rejected:
                _ = Interlocked.Increment(ref _rejected);
                break;
            case EntryOutcome.DroppedCopy:
                _ = Interlocked.Increment(ref _droppedCopies);
                break;
            default:
                _ = Interlocked.Increment(ref _duplicates);
                break;
        }
    }
}

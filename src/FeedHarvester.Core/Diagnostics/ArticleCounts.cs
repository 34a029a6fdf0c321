namespace FeedHarvester.Diagnostics;

/// <summary>What became of one poll's entries, as the article counters count them.</summary>
/// <param name="Emitted">New articles claimed for emission.</param>
/// <param name="Duplicates">Entries already seen.</param>
/// <param name="Rejected">Entries refused by policy and not emitted.</param>
/// <param name="FromFeed">New articles whose body came from the feed.</param>
/// <param name="LinkedCopies">New articles that were near-copies of an earlier story, emitted linked to it.</param>
/// <param name="DroppedCopies">Near-copies of an earlier story, recorded and not emitted.</param>
public readonly record struct ArticleCounts(int Emitted, int Duplicates, int Rejected, int FromFeed, int LinkedCopies, int DroppedCopies);

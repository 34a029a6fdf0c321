using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Deduplication;

/// <summary>
/// Every key of one article (an article is new only when none of them was seen), and — for a body long enough — the
/// near-duplicate check that decides whether it is a later copy of a story already seen.
/// </summary>
public sealed record DedupeKeys(IReadOnlyList<DedupeKey> Keys, NearDuplicateCheck? NearDuplicates = null);

namespace FeedHarvester.Feeds;

/// <summary>What one successful poll tells about how often a feed should be polled.</summary>
/// <param name="EntryDates">Publication (or update) dates of the feed's entries, as it lists them now.</param>
/// <param name="PublisherHint">The longest of RSS ttl, Cache-Control max-age and Expires: the publisher's "not sooner than".</param>
public sealed record FeedRhythm(IReadOnlyList<DateTimeOffset> EntryDates, TimeSpan? PublisherHint)
{
    public static readonly FeedRhythm Unknown = new([], null);

    /// <summary>The longest of the hints that are set.</summary>
    public static TimeSpan? Longest(params TimeSpan?[] hints)
    {
        TimeSpan? longest = null;
        foreach (var hint in hints)
        {
            if (hint is { } value && value > TimeSpan.Zero && (longest is null || value > longest))
            {
                longest = value;
            }
        }

        return longest;
    }
}

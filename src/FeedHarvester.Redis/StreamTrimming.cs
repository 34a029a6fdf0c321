namespace FeedHarvester.Redis;

/// <summary>How XADD trims the article stream; both forms use approximate (<c>~</c>) trimming.</summary>
public enum StreamTrimming
{
    /// <summary>
    /// <c>MINID ~ now - StreamRetention</c>: keeps every entry younger than the retention, however many arrive.
    /// Consumers that are down for less than the retention never miss an entry; memory grows with the volume of a burst.
    /// </summary>
    MinId,

    /// <summary>
    /// <c>MAXLEN ~ StreamMaxLength</c>: memory is bounded by a count, but a burst can push entries out before a slow
    /// or stopped consumer has read them.
    /// </summary>
    MaxLen,
}

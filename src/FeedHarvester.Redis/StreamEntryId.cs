using System.Globalization;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>A stream entry id ("milliseconds-sequence"), ordered as Redis orders them.</summary>
internal readonly record struct StreamEntryId(long Milliseconds, long Sequence) : IComparable<StreamEntryId>
{
    public static readonly StreamEntryId Zero = new(0, 0);

    public static StreamEntryId Parse(RedisValue id)
    {
        var text = id.ToString();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamEntryId(long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), 0)
            : new StreamEntryId(
                long.Parse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture),
                long.Parse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    public int CompareTo(StreamEntryId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}

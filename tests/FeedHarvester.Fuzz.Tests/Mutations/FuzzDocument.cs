using System.Text;
using FeedHarvester.Fetching;
using FeedHarvester.Fuzz.Corpus;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// An input being mutated. <see cref="Raw"/> holds one char per byte (Latin-1), so markup mutations work on the
/// bytes as they are, whatever the fixture's encoding, and leave every byte they do not touch unchanged.
/// </summary>
internal sealed record FuzzDocument(string Raw, string ContentType, InputKind Kind)
{
    public static FuzzDocument From(SeedInput seed) => new(Encoding.Latin1.GetString(seed.Bytes), seed.ContentType, seed.Kind);

    public static FuzzDocument FromBytes(byte[] bytes, string contentType, InputKind kind) =>
        new(Encoding.Latin1.GetString(bytes), contentType, kind);

    /// <summary>
    /// The fetcher refuses bodies past these limits before any parser sees them, so a larger input would test
    /// nothing production meets; mutations that would grow past the limit are scaled down to fit.
    /// </summary>
    public long MaxBytes => Kind == InputKind.Feed ? FetchingDefaults.MaxFeedBytes : FetchingDefaults.MaxPageBytes;

    public bool LooksLikeJson => Raw.AsSpan().TrimStart("\uFEFF\u00EF\u00BB\u00BF \t\r\n").StartsWith("{");

    public byte[] ToBytes() => Encoding.Latin1.GetBytes(Raw);

    /// <summary>How many copies of a unit of <paramref name="unitLength"/> bytes still fit, at most <paramref name="wanted"/>.</summary>
    public int Fit(long wanted, long unitLength, long extraLength = 0)
    {
        var room = MaxBytes - Raw.Length - extraLength;
        if (unitLength <= 0)
        {
            return (int)Math.Min(wanted, int.MaxValue);
        }

        return (int)Math.Clamp(Math.Min(wanted, room / unitLength), 0, int.MaxValue);
    }

    public FuzzDocument Insert(int position, string text) =>
        this with { Raw = string.Concat(Raw.AsSpan(0, position), text, Raw.AsSpan(position)) };

    public FuzzDocument Replace(int start, int end, string text) =>
        this with { Raw = string.Concat(Raw.AsSpan(0, start), text, Raw.AsSpan(end)) };
}

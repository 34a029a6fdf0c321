using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Dom;

/// <summary>Which vocabulary groups an element's class/id matched: one bit per group (<see cref="VocabularyGroup.Bit"/>).</summary>
internal readonly record struct VocabularyMatches(ulong Bits)
{
    public static readonly VocabularyMatches None = default;

    /// <summary>The set of <paramref name="groups"/>, to test a match against several at once.</summary>
    public static VocabularyMatches Of(IEnumerable<VocabularyGroup> groups) =>
        new(groups.Aggregate(0UL, (bits, group) => bits | group.Bit));

    public bool Has(VocabularyGroup group) => (Bits & group.Bit) != 0;

    public bool Overlaps(VocabularyMatches other) => (Bits & other.Bits) != 0;

    public VocabularyMatches With(VocabularyGroup group) => new(Bits | group.Bit);

    /// <summary>The first of <paramref name="ranked"/> that matched, or null.</summary>
    public VocabularyGroup? FirstOf(IReadOnlyList<VocabularyGroup> ranked)
    {
        foreach (var group in ranked)
        {
            if (Has(group))
            {
                return group;
            }
        }

        return null;
    }
}

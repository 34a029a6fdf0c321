using System.Buffers.Binary;
using FeedHarvester.Deduplication.NearDuplicates;
using static FeedHarvester.Tests.Deduplication.NearDuplicates.StoryTexts;

namespace FeedHarvester.Tests.Deduplication.NearDuplicates;

public sealed class StorySignatureTests
{
    public static TheoryData<string, string> StoriesAndVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var story in Originals)
        {
            foreach (var variant in CopyVariants.Keys)
            {
                data.Add(story, variant);
            }
        }

        return data;
    }

    public static TheoryData<string> Stories() => new(Originals);

    public static TheoryData<string, string> PairsOfDifferentStories()
    {
        var data = new TheoryData<string, string>();
        for (var i = 0; i < Originals.Length; i++)
        {
            for (var j = i + 1; j < Originals.Length; j++)
            {
                data.Add(Originals[i], Originals[j]);
            }
        }

        return data;
    }

    /// <summary>A signature with the given values, through the stored form (the constructor is not public).</summary>
    internal static StorySignature FromValues(uint[] values)
    {
        var bytes = new byte[values.Length * sizeof(uint)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), values[i]);
        }

        return StorySignature.FromBytes(bytes) ?? throw new InvalidOperationException("Not a signature's length.");
    }

    /// <summary>Values 0..127, and a copy whose first <paramref name="equal"/> positions agree with it and the rest do not.</summary>
    internal static (StorySignature Original, StorySignature Copy) AgreeingOn(int equal)
    {
        var original = Enumerable.Range(0, MinHashTuning.HashCount).Select(i => (uint)i).ToArray();
        var copy = original.Select((value, i) => i < equal ? value : value + 1_000_000u).ToArray();
        return (FromValues(original), FromValues(copy));
    }

    [Fact]
    public void TryBuild_SameTextTwice_SameValues()
    {
        var text = Load(RiverFlooding);

        Assert.Equal(Signature(text).Values.ToArray(), Signature(text).Values.ToArray());
    }

    [Fact]
    public void TryBuild_AnyText_HasOneValuePerHashFunction() =>
        Assert.Equal(MinHashTuning.HashCount, Signature(Load(BusRoute)).Values.Length);

    [Fact]
    public void TryBuild_OneWordChanged_DifferentValuesStillSameStory()
    {
        var text = Load(RiverFlooding);
        var changed = text.Replace("knee-deep", "waist-deep", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);

        var similarity = Signature(text).Similarity(Signature(changed));

        Assert.NotEqual(Signature(text).Values.ToArray(), Signature(changed).Values.ToArray());
        Assert.InRange(similarity, MinHashTuning.DefaultSimilarity, 0.999);
    }

    [Fact]
    public void TryBuild_OneWordFewerThanTheMinimum_Null()
    {
        var text = FirstWords(Load(PowerCuts), MinWords - 1);

        Assert.Null(StorySignatureBuilder.TryBuild(text, MinWords));
    }

    [Fact]
    public void TryBuild_ExactlyTheMinimumWords_Signature()
    {
        var text = FirstWords(Load(PowerCuts), MinWords);
        Assert.Equal(MinWords, WordCount(text));

        Assert.NotNull(StorySignatureBuilder.TryBuild(text, MinWords));
    }

    [Fact]
    public void TryBuild_FewerWordsThanOneShingle_NullWhateverTheMinimum() =>
        Assert.Null(StorySignatureBuilder.TryBuild("Storm floods the town", minimumWords: 1));

    [Fact]
    public void Similarity_SameText_One() =>
        Assert.Equal(1.0, Signature(Load(LibraryHours)).Similarity(Signature(Load(LibraryHours))));

    [Fact]
    public void Similarity_TitleCasedAndRepunctuatedCopy_One()
    {
        var text = Load(CleanupFund);
        var copy = CopyVariants["title case"](text).Replace(",", " ;", StringComparison.Ordinal).Replace("\n\n", "\n", StringComparison.Ordinal);
        Assert.NotEqual(text, copy);

        Assert.Equal(1.0, Signature(text).Similarity(Signature(copy)));
    }

    [Fact]
    public void Similarity_IsSymmetric()
    {
        var original = Signature(Load(RiverFlooding));
        var edited = Signature(Load(RiverFloodingEdited));

        Assert.Equal(original.Similarity(edited), edited.Similarity(original));
    }

    [Theory]
    [MemberData(nameof(StoriesAndVariants))]
    public void Similarity_CopyDifferingInOneWay_AtLeastTheDefaultThreshold(string story, string variant)
    {
        var text = Load(story);

        var similarity = Signature(text).Similarity(Signature(CopyVariants[variant](text)));

        Assert.True(similarity >= MinHashTuning.DefaultSimilarity, $"{story} / {variant}: {similarity:F3}");
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void Similarity_CopyWithEveryDifferenceAtOnce_AtLeastTheDefaultThreshold(string story)
    {
        var text = Load(story);

        var similarity = Signature(text).Similarity(Signature(AllVariants(text)));

        Assert.True(similarity >= MinHashTuning.DefaultSimilarity, $"{story}: {similarity:F3}");
    }

    [Fact]
    public void Similarity_FiveSentencesCopyEdited_AtLeastTheDefaultThreshold()
    {
        var similarity = Signature(Load(RiverFlooding)).Similarity(Signature(Load(RiverFloodingEdited)));

        Assert.InRange(similarity, MinHashTuning.DefaultSimilarity, 0.999);
    }

    [Fact]
    public void Similarity_CopyEditedAndWithEveryOtherDifference_AtLeastTheDefaultThreshold()
    {
        var similarity = Signature(Load(RiverFlooding)).Similarity(Signature(AllVariants(Load(RiverFloodingEdited))));

        Assert.True(similarity >= MinHashTuning.DefaultSimilarity, $"{similarity:F3}");
    }

    [Theory]
    [MemberData(nameof(PairsOfDifferentStories))]
    public void Similarity_DifferentStories_BelowTheDefaultThreshold(string first, string second)
    {
        var similarity = Signature(Load(first)).Similarity(Signature(Load(second)));

        Assert.True(similarity < MinHashTuning.DefaultSimilarity, $"{first} / {second}: {similarity:F3}");
    }

    [Theory]
    [InlineData(RiverFlooding, PowerCuts)]
    [InlineData(RiverFlooding, CleanupFund)]
    [InlineData(PowerCuts, CleanupFund)]
    public void Similarity_SameOutletsStormStoriesSharingTwoBoilerplateParagraphs_FarBelowTheDefaultThreshold(string first, string second)
    {
        var (a, b) = (Load(first), Load(second));
        Assert.All(new[] { a, b }, text => Assert.Contains(CourierBoilerplate, text, StringComparison.Ordinal));
        Assert.All(new[] { a, b }, text => Assert.Contains(FloodSafety, text, StringComparison.Ordinal));

        Assert.InRange(Signature(a).Similarity(Signature(b)), 0.0, MinHashTuning.DefaultSimilarity / 2);
    }

    [Fact]
    public void Similarity_AnotherOutletsReportOfTheSameFlood_BelowTheDefaultThreshold()
    {
        var (a, b) = (Load(RiverFlooding), Load(RiverFloodingRival));
        Assert.Contains("Everything on the ground floor is gone", a, StringComparison.Ordinal);
        Assert.Contains("Everything on the ground floor is gone", b, StringComparison.Ordinal);

        Assert.InRange(Signature(a).Similarity(Signature(b)), 0.0, MinHashTuning.DefaultSimilarity / 2);
    }

    [Fact]
    public void BandKeys_AnySignature_OneKeyPerBandPrefixedByTheBandNumber()
    {
        var keys = Signature(Load(BusRoute)).BandKeys();

        Assert.Equal(MinHashTuning.Bands, keys.Count);
        Assert.Equal(MinHashTuning.Bands, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys.Select((key, band) => (key, band)), k => Assert.StartsWith(k.band.ToString("x2", null), k.key, StringComparison.Ordinal));
    }

    [Fact]
    public void BandKeys_IdenticalTexts_ShareAllKeys() =>
        Assert.Equal(Signature(Load(CleanupFund)).BandKeys(), Signature(Load(CleanupFund)).BandKeys());

    [Theory]
    [MemberData(nameof(StoriesAndVariants))]
    public void BandKeys_CopyDifferingInOneWay_ShareAtLeastOneKey(string story, string variant)
    {
        var text = Load(story);

        Assert.NotEmpty(Signature(text).BandKeys().Intersect(Signature(CopyVariants[variant](text)).BandKeys()));
    }

    [Fact]
    public void BandKeys_CopyEditedAndWithEveryOtherDifference_ShareAtLeastOneKey() =>
        Assert.NotEmpty(Signature(Load(RiverFlooding)).BandKeys().Intersect(Signature(AllVariants(Load(RiverFloodingEdited))).BandKeys()));

    [Theory]
    [MemberData(nameof(PairsOfDifferentStories))]
    public void BandKeys_DifferentStories_ShareAtMostOneKey(string first, string second) =>
        Assert.True(Signature(Load(first)).BandKeys().Intersect(Signature(Load(second)).BandKeys()).Count() <= 1);

    [Fact]
    public void BandKeys_SignaturesAgreeingOnTheFirstBandOnly_ShareExactlyThatKey()
    {
        var (original, copy) = AgreeingOn(MinHashTuning.RowsPerBand);

        Assert.Equal([original.BandKeys()[0]], original.BandKeys().Intersect(copy.BandKeys()));
    }

    [Fact]
    public void BandKeys_SignaturesAgreeingOnAllButOneValueOfABand_ShareNoKeyForThatBand()
    {
        var (original, copy) = AgreeingOn(MinHashTuning.RowsPerBand - 1);

        Assert.Empty(original.BandKeys().Intersect(copy.BandKeys()));
    }

    [Fact]
    public void ToBytes_FromBytes_RoundTripsValuesAndKeys()
    {
        var signature = Signature(Load(PowerCuts));

        var bytes = signature.ToBytes();
        var read = StorySignature.FromBytes(bytes);

        Assert.Equal(StorySignature.ByteLength, bytes.Length);
        Assert.NotNull(read);
        Assert.Equal(signature.Values.ToArray(), read.Values.ToArray());
        Assert.Equal(signature.BandKeys(), read.BandKeys());
        Assert.Equal(1.0, signature.Similarity(read));
    }

    [Fact]
    public void ToBytes_FirstValue_LittleEndianInTheFirstFourBytes()
    {
        var values = new uint[MinHashTuning.HashCount];
        values[0] = 0x0403_0201;

        var bytes = FromValues(values).ToBytes();

        Assert.Equal([1, 2, 3, 4], bytes[..4]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StorySignature.ByteLength - 1)]
    [InlineData(StorySignature.ByteLength + 1)]
    [InlineData(StorySignature.ByteLength * 2)]
    public void FromBytes_WrongLength_Null(int length) =>
        Assert.Null(StorySignature.FromBytes(new byte[length]));
}

using FeedHarvester.Deduplication.NearDuplicates;
using static FeedHarvester.Tests.Deduplication.NearDuplicates.StoryTexts;

namespace FeedHarvester.Tests.Deduplication.NearDuplicates;

public sealed class StoryMatcherTests
{
    // Half of one agreeing position (1/128): a threshold this far from a similarity is on a definite side of it.
    private const double HalfStep = 0.5 / MinHashTuning.HashCount;

    public static TheoryData<string> Variants() => new(CopyVariants.Keys);

    private static NearDuplicateCheck Check(string text, double threshold = MinHashTuning.DefaultSimilarity) =>
        NearDuplicateCheck.For(Signature(text), threshold, NearDuplicatePolicy.Link);

    /// <summary>Every original story as an earlier article whose id and story id are the story's name.</summary>
    private static List<StoryCandidate> EveryOriginal() =>
        [.. Originals.Select(name => new StoryCandidate(name, name, Signature(Load(name))))];

    [Theory]
    [MemberData(nameof(Variants))]
    public void BestMatch_CopyDifferingInOneWay_LinksToItsOriginalAmongAllStories(string variant)
    {
        var copy = CopyVariants[variant](Load(PowerCuts));

        var link = StoryMatcher.BestMatch(Check(copy), EveryOriginal());

        Assert.NotNull(link);
        Assert.Equal((PowerCuts, PowerCuts), (link.StoryId, link.DuplicateOf));
    }

    [Fact]
    public void BestMatch_CopyEditedAndWithEveryOtherDifference_LinksToItsOriginal()
    {
        var link = StoryMatcher.BestMatch(Check(AllVariants(Load(RiverFloodingEdited))), EveryOriginal());

        Assert.NotNull(link);
        Assert.Equal((RiverFlooding, RiverFlooding), (link.StoryId, link.DuplicateOf));
    }

    [Theory]
    [InlineData(RiverFlooding)]
    [InlineData(PowerCuts)]
    [InlineData(CleanupFund)]
    [InlineData(LibraryHours)]
    [InlineData(BusRoute)]
    public void BestMatch_SameOutletsOtherStoriesSharingItsBoilerplate_Null(string story)
    {
        var others = EveryOriginal().Where(c => c.ArticleId != story);

        Assert.Null(StoryMatcher.BestMatch(Check(Load(story)), others));
    }

    [Fact]
    public void BestMatch_AnotherOutletsReportOfTheSameFlood_Null() =>
        Assert.Null(StoryMatcher.BestMatch(Check(Load(RiverFloodingRival)), [new StoryCandidate("a", "a", Signature(Load(RiverFlooding)))]));

    [Fact]
    public void BestMatch_NoCandidates_Null() =>
        Assert.Null(StoryMatcher.BestMatch(Check(Load(BusRoute)), []));

    [Fact]
    public void BestMatch_SeveralAboveTheThreshold_PicksTheMostSimilarWhateverTheOrder()
    {
        var edited = Signature(Load(RiverFloodingEdited));
        var nearer = new StoryCandidate("article-near", "story-1", Signature(Load(RiverFlooding)));
        var farther = new StoryCandidate("article-far", "story-1", Signature(AllVariants(Load(RiverFlooding))));
        Assert.True(edited.Similarity(farther.Signature) >= MinHashTuning.DefaultSimilarity);
        Assert.True(edited.Similarity(nearer.Signature) > edited.Similarity(farther.Signature));

        var check = NearDuplicateCheck.For(edited, MinHashTuning.DefaultSimilarity, NearDuplicatePolicy.Link);
        var forward = StoryMatcher.BestMatch(check, [farther, nearer]);
        var backward = StoryMatcher.BestMatch(check, [nearer, farther]);

        Assert.Equal(new StoryLink("story-1", "article-near", edited.Similarity(nearer.Signature)), forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void BestMatch_CandidateThatIsItselfACopy_LinksToItsStoryAndNamesTheCandidate()
    {
        var text = Load(CleanupFund);
        var candidate = new StoryCandidate(ArticleId: "second-copy", StoryId: "first-copy", Signature(CopyVariants["byline"](text)));

        var link = StoryMatcher.BestMatch(Check(text), [candidate]);

        Assert.NotNull(link);
        Assert.Equal(("first-copy", "second-copy"), (link.StoryId, link.DuplicateOf));
    }

    [Fact]
    public void BestMatch_EquallySimilarCandidates_TheFirst()
    {
        var signature = Signature(Load(LibraryHours));

        var link = StoryMatcher.BestMatch(Check(Load(LibraryHours)),
            [new StoryCandidate("a", "story-a", signature), new StoryCandidate("b", "story-b", signature)]);

        Assert.Equal(new StoryLink("story-a", "a", 1.0), link);
    }

    [Fact]
    public void BestMatch_ThresholdJustBelowTheSimilarity_Matches()
    {
        var (original, copy) = (Load(RiverFlooding), Load(RiverFloodingEdited));
        var similarity = Signature(original).Similarity(Signature(copy));

        var link = StoryMatcher.BestMatch(Check(copy, similarity - HalfStep), [new StoryCandidate("a", "a", Signature(original))]);

        Assert.Equal(similarity, link?.Similarity);
    }

    [Fact]
    public void BestMatch_ThresholdEqualToTheSimilarity_Matches()
    {
        var (original, copy) = (Load(RiverFlooding), Load(RiverFloodingEdited));
        var similarity = Signature(original).Similarity(Signature(copy));

        Assert.NotNull(StoryMatcher.BestMatch(Check(copy, similarity), [new StoryCandidate("a", "a", Signature(original))]));
    }

    [Fact]
    public void BestMatch_ThresholdJustAboveTheSimilarity_Null()
    {
        var (original, copy) = (Load(RiverFlooding), Load(RiverFloodingEdited));
        var similarity = Signature(original).Similarity(Signature(copy));
        Assert.True(similarity < 1.0);

        Assert.Null(StoryMatcher.BestMatch(Check(copy, similarity + HalfStep), [new StoryCandidate("a", "a", Signature(original))]));
    }

    [Fact]
    public void BestMatch_AtTheDefaultThresholdOneAgreeingValueAbove_Matches()
    {
        // The smallest number of agreeing values whose share is at or above the default threshold.
        var agreeing = (int)Math.Ceiling(MinHashTuning.DefaultSimilarity * MinHashTuning.HashCount);
        var (original, copy) = StorySignatureTests.AgreeingOn(agreeing);
        var check = NearDuplicateCheck.For(copy, MinHashTuning.DefaultSimilarity, NearDuplicatePolicy.Link);

        Assert.Equal((double)agreeing / MinHashTuning.HashCount, StoryMatcher.BestMatch(check, [new StoryCandidate("a", "a", original)])?.Similarity);
    }

    [Fact]
    public void BestMatch_AtTheDefaultThresholdOneAgreeingValueBelow_Null()
    {
        // One agreeing value fewer than the smallest share at or above the default threshold.
        var agreeing = (int)Math.Ceiling(MinHashTuning.DefaultSimilarity * MinHashTuning.HashCount) - 1;
        var (original, copy) = StorySignatureTests.AgreeingOn(agreeing);
        var check = NearDuplicateCheck.For(copy, MinHashTuning.DefaultSimilarity, NearDuplicatePolicy.Link);

        Assert.Null(StoryMatcher.BestMatch(check, [new StoryCandidate("a", "a", original)]));
    }

    [Fact]
    public void NearDuplicateCheck_For_CarriesTheSignaturesBandKeysThresholdAndPolicy()
    {
        var signature = Signature(Load(BusRoute));

        var check = NearDuplicateCheck.For(signature, 0.8, NearDuplicatePolicy.Drop);

        Assert.Equal(signature.BandKeys(), check.BandKeys);
        Assert.Equal((0.8, NearDuplicatePolicy.Drop), (check.Threshold, check.Policy));
        Assert.Same(signature, check.Signature);
    }
}

using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;

namespace FeedHarvester.Tests.Deduplication;

public sealed class DedupeKeyBuilderTests
{
    private static readonly DedupeKeyBuilder Builder = new(new DeduplicationOptions { MinWordsForContentKey = 50 });

    private static Article Article(string text, string method = ExtractionInfo.PageMethod, string feed = "http://127.0.0.1/feed.xml") => new()
    {
        Id = "0",
        StoryId = "0",
        Url = "http://127.0.0.1/a/1.html",
        CanonicalUrl = "http://127.0.0.1/a/1.html",
        FeedUrl = feed,
        Guid = "g-1",
        Published = DateTimeOffset.UnixEpoch,
        FetchedAt = DateTimeOffset.UnixEpoch,
        ContentHtml = "",
        ContentText = text,
        Extraction = new ExtractionInfo(method, "readability", text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length),
    };

    private static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => "word" + i));

    [Fact]
    public void For_Article_HasUrlGuidAndContentKeys()
    {
        var keys = Builder.For(Article(Words(60))).Keys;

        Assert.Equal([DedupeKeyKind.Url, DedupeKeyKind.Guid, DedupeKeyKind.Content], keys.Select(k => k.Kind));
        Assert.Equal("url:http://127.0.0.1/a/1.html", keys[0].ToString());
        Assert.Equal("guid:http://127.0.0.1/feed.xml g-1", keys[1].ToString());
    }

    [Fact]
    public void ContentFingerprint_AtTheWordThreshold_Present() =>
        Assert.NotNull(Builder.ContentFingerprint(Article(Words(50))));

    [Fact]
    public void ContentFingerprint_BelowTheWordThreshold_Absent() =>
        Assert.Null(Builder.ContentFingerprint(Article(Words(49))));

    [Fact]
    public void ContentFingerprint_FeedOnlyBody_Absent() =>
        Assert.Null(Builder.ContentFingerprint(Article(Words(200), ExtractionInfo.FeedMethod)));

    [Fact]
    public void ContentFingerprint_CaseAndPunctuationDiffer_SameKey() =>
        Assert.Equal(
            Builder.ContentFingerprint(Article(Words(60))),
            Builder.ContentFingerprint(Article(Words(60).ToUpperInvariant().Replace(" ", " , ", StringComparison.Ordinal))));

    [Fact]
    public void ContentFingerprint_SameTextInAnotherFeed_DifferentKey() =>
        Assert.NotEqual(
            Builder.ContentFingerprint(Article(Words(60))),
            Builder.ContentFingerprint(Article(Words(60), feed: "http://127.0.0.1/other.xml")));

    [Theory]
    [InlineData(NearDuplicatePolicy.Link)]
    [InlineData(NearDuplicatePolicy.Drop)]
    public void For_BodyAtTheWordThresholdWithPolicyOn_CarriesTheNearDuplicateCheck(NearDuplicatePolicy policy)
    {
        var builder = new DedupeKeyBuilder(new DeduplicationOptions { NearDuplicates = policy });

        var check = builder.For(Article(Words(50))).NearDuplicates;

        Assert.NotNull(check);
        Assert.Equal((policy, MinHashTuning.DefaultSimilarity), (check.Policy, check.Threshold));
        Assert.Equal(StorySignatureBuilder.TryBuild(Words(50), 50)!.Values.ToArray(), check.Signature.Values.ToArray());
        Assert.Equal(check.Signature.BandKeys(), check.BandKeys);
    }

    [Fact]
    public void For_DefaultOptions_LinkPolicy() =>
        Assert.Equal(NearDuplicatePolicy.Link, new DedupeKeyBuilder(new DeduplicationOptions()).For(Article(Words(60))).NearDuplicates?.Policy);

    [Fact]
    public void For_PolicyOff_NoNearDuplicateCheck() =>
        Assert.Null(new DedupeKeyBuilder(new DeduplicationOptions { NearDuplicates = NearDuplicatePolicy.Off }).For(Article(Words(400))).NearDuplicates);

    [Fact]
    public void For_BodyBelowTheWordThreshold_NoNearDuplicateCheck() =>
        Assert.Null(Builder.For(Article(Words(49))).NearDuplicates);

    [Fact]
    public void For_RaisedWordThreshold_AppliesToTheNearDuplicateCheckToo() =>
        Assert.Null(new DedupeKeyBuilder(new DeduplicationOptions { MinWordsForContentKey = 100 }).For(Article(Words(99))).NearDuplicates);

    [Fact]
    public void For_FeedOnlyBodyLongEnough_CarriesTheNearDuplicateCheck() =>
        Assert.NotNull(Builder.For(Article(Words(60), ExtractionInfo.FeedMethod)).NearDuplicates);

    [Fact]
    public void For_ConfiguredSimilarity_CarriedByTheCheck()
    {
        var builder = new DedupeKeyBuilder(new DeduplicationOptions { NearDuplicates = NearDuplicatePolicy.Drop, NearDuplicateSimilarity = 0.75 });

        var check = builder.For(Article(Words(60))).NearDuplicates;

        Assert.Equal((NearDuplicatePolicy.Drop, 0.75), (check?.Policy, check?.Threshold));
    }

    [Fact]
    public void ForEntry_LinkWithTrackingAndNoGuid_NormalizedUrlAndLinkAsGuid()
    {
        var keys = DedupeKeyBuilder.ForEntry("http://127.0.0.1/feed.xml", new ParsedEntry { Link = "http://127.0.0.1/a?utm_source=x" });

        Assert.Equal(["url:http://127.0.0.1/a", "guid:http://127.0.0.1/feed.xml http://127.0.0.1/a?utm_source=x"], keys.Select(k => k.ToString()));
    }
}

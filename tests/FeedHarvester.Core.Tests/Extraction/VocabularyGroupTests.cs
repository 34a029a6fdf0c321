using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Tests.Extraction;

public sealed class VocabularyGroupTests
{
    [Fact]
    public void Build_EmptyGroup_Throws()
    {
        _ = Assert.Throws<ArgumentException>(() => VocabularyGroup.Build("empty", [], []));
    }

    [Fact]
    public void Build_BlankWord_Throws()
    {
        _ = Assert.Throws<ArgumentException>(() => VocabularyGroup.Build("blank", ["share", " "]));
    }

    [Theory]
    [InlineData("inline-newsletterSignup", true)]
    [InlineData("article-body", false)]
    public void Fragment_MatchesInsideLongerNames(string classAndId, bool expected)
    {
        Assert.Equal(expected, BoilerplateVocabulary.Newsletter.IsMatch(classAndId));
    }

    [Theory]
    [InlineData("ad-slot-top", true)]
    [InlineData("ad", true)]
    [InlineData("header", false)]
    [InlineData("download-link", false)]
    public void Token_MatchesOnlyWholeTokens(string classAndId, bool expected)
    {
        Assert.Equal(expected, BoilerplateVocabulary.Ads.IsMatch(classAndId));
    }

    [Fact]
    public void Navigation_DoesNotMatchResearch()
    {
        Assert.False(BoilerplateVocabulary.Navigation.IsMatch("research-content"));
    }

    [Fact]
    public void AllGroups_AreNonEmpty()
    {
        Assert.All(BoilerplateVocabulary.Unlikely, g => Assert.True(g.Fragments.Count + g.Tokens.Count > 0));
    }
}

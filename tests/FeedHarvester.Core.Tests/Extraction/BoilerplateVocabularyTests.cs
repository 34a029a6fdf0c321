using System.Reflection;
using FeedHarvester.Extraction;
using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Tests.Extraction;

/// <summary>
/// Each boilerplate concept is one group: its words, its removal reason, its rank and its pass rules. These pin what
/// the cleaner derives from the groups, so a new concept needs nothing but its group.
/// </summary>
public sealed class BoilerplateVocabularyTests
{
    [Fact]
    public void Unlikely_HoldsEveryGroupDeclared()
    {
        var declared = typeof(BoilerplateVocabulary).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(VocabularyGroup))
            .Select(f => (VocabularyGroup)f.GetValue(null)!);

        Assert.Equal(declared.OrderBy(g => g.Name), BoilerplateVocabulary.Unlikely.OrderBy(g => g.Name));
    }

    [Fact]
    public void Unlikely_EachGroupRecordsAReasonOfItsOwn()
    {
        var reasons = BoilerplateVocabulary.Unlikely.Select(g => g.Reason).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.DoesNotContain(RemovalReason.UnlikelyCandidate, reasons);
    }

    [Fact]
    public void Build_WithoutReason_RemovesAsUnlikelyCandidate()
    {
        var group = VocabularyGroup.Build("furniture", ["furniture"]);

        Assert.Equal(RemovalReason.UnlikelyCandidate, group.Reason);
        Assert.False(group.InEveryPass);
        Assert.False(group.EvenWhenMostOfPage);
    }

    [Fact]
    public void Clean_ElementNamedByTwoGroups_RemovedForTheHigherRanked()
    {
        // Consent ranks above Newsletter: a consent banner that mentions the newsletter is a consent banner.
        var doc = Dom.Parse($"<body><div class='newsletter cookie-notice'>{Dom.Prose(60)}</div><p>{Dom.Prose(900)}</p></body>");
        var removals = new List<(string Node, RemovalReason Reason)>();

        new TreeCleaner(new NodeRemover(removals), ExtractionFlags.All).Clean(doc.Body!);

        Assert.Equal(RemovalReason.Consent, Assert.Single(removals).Reason);
    }

    [Theory]
    [InlineData("cookie-notice", true)]
    [InlineData("comments", true)]
    [InlineData("share-tools", false)]
    [InlineData("sidebar", false)]
    public void Clean_RelaxedPass_RemovesOnlyGroupsOfEveryPass(string className, bool removed)
    {
        var doc = Dom.Parse($"<body><div id='x' class='{className}'>{Dom.Prose(60)}</div><p>{Dom.Prose(900)}</p></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.WeightClasses | ExtractionFlags.CleanConditionally).Clean(doc.Body!);

        Assert.Equal(removed, doc.GetElementById("x") is null);
    }

    [Theory]
    [InlineData("comments", true)]
    [InlineData("onetrust-pc-sdk", true)]
    [InlineData("sidebar", false)]
    public void Clean_GroupHoldingMostOfPage_RemovedOnlyWhenEvenWhenMostOfPage(string className, bool removed)
    {
        var doc = Dom.Parse($"<body><div id='x' class='{className}'><p>{Dom.Prose(900)}</p></div><p>{Dom.Prose(300)}</p></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.Equal(removed, doc.GetElementById("x") is null);
    }

    [Theory]
    [InlineData("onetrust-pc-sdk", true)]
    [InlineData("comments", false)]
    public void Clean_RegionReading_RemovesAConsentCentreButKeepsADiscussionHoldingMostOfPage(string className, bool removed)
    {
        var doc = Dom.Parse($"<body><div id='x' class='{className}'><p>{Dom.Prose(900)}</p></div><p>{Dom.Prose(300)}</p></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.StripUnlikely, RegionScope.Items).Clean(doc.Body!);

        Assert.Equal(removed, doc.GetElementById("x") is null);
    }

    [Fact]
    public void Clean_HighlighterTokensInsideCode_AreKept()
    {
        var doc = Dom.Parse($"<body><p>{Dom.Prose(900)}</p><pre><code><span id='x' class='hljs-comment'># set up the remote</span>\ngit init</code></pre></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.NotNull(doc.GetElementById("x"));
    }

    [Theory]
    [InlineData("<blockquote class='twitter-tweet'><p>The post quoted in the story.</p></blockquote>", false)]
    [InlineData("<a href='/share'>Share on a network</a>", true)]
    public void Clean_SocialWrapper_KeptOnlyAroundAnEmbeddedPost(string inner, bool removed)
    {
        var doc = Dom.Parse($"<body><p>{Dom.Prose(900)}</p><div id='x' class='social-media-embed'>{inner}</div></body>");

        new TreeCleaner(new NodeRemover(null), ExtractionFlags.All).Clean(doc.Body!);

        Assert.Equal(removed, doc.GetElementById("x") is null);
    }
}

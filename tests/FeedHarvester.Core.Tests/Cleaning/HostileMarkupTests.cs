using System.Text;
using FeedHarvester.Cleaning;
using FeedHarvester.Html;

namespace FeedHarvester.Tests.Cleaning;

/// <summary>Feed HTML nested or sized past the limits still gives its text, without a tree and within bounds.</summary>
public sealed class HostileMarkupTests
{
    private static readonly Uri Base = new("https://news.example.com/2024/03/story.html");

    private static string MillionLevels() => new StringBuilder().Insert(0, "<div>", 1_000_000).Append("deep <b>text</b> &amp; more").ToString();

    [Fact]
    public void ToPlainText_MillionLevelsOfNesting_KeepsTheText()
    {
        Assert.Equal("deep text & more", HtmlText.ToPlainText(MillionLevels()));
    }

    [Fact]
    public void Clean_MillionLevelsOfNesting_IsOneEscapedParagraph()
    {
        Assert.Equal("<p>deep text &amp; more</p>", new HtmlCleaner().Clean(MillionLevels(), Base));
    }

    [Fact]
    public void Clean_MillionElements_IsOneEscapedParagraph()
    {
        var html = new StringBuilder().Insert(0, "<p>a", 1_000_000).ToString();

        var cleaned = new HtmlCleaner().Clean(html, Base);

        Assert.StartsWith("<p>a a a", cleaned, StringComparison.Ordinal);
        Assert.EndsWith("a</p>", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_NestingWithinTheLimit_IsSanitizedAsBefore()
    {
        var html = new StringBuilder().Insert(0, "<div>", 300).Append("<p onclick=\"x()\">ok</p>").ToString();

        var cleaned = new HtmlCleaner().Clean(html, Base);

        Assert.Contains("<p>ok</p>", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_TagsCommentsAndEntities_LeaveWordsApart()
    {
        Assert.Equal("a b c < d", MarkupStripper.ToText("a<br>b<p>c<!-- <x> --> &lt; d"));
    }
}

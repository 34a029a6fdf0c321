using System.Text;
using FeedHarvester.Cleaning;
using FeedHarvester.Html;
using FeedHarvester.Tests.Shared;
using FeedHarvester.Tests.Support;

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
        Assert.Equal("<p>deep text &amp; more</p>", HtmlCleaner.Unbounded().Clean(MillionLevels(), Base));
    }

    [Fact]
    public void Clean_MillionElements_IsOneEscapedParagraph()
    {
        var html = new StringBuilder().Insert(0, "<p>a", 1_000_000).ToString();

        var cleaned = HtmlCleaner.Unbounded().Clean(html, Base);

        Assert.StartsWith("<p>a a a", cleaned, StringComparison.Ordinal);
        Assert.EndsWith("a</p>", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_NestingWithinTheLimit_IsSanitizedAsBefore()
    {
        var html = new StringBuilder().Insert(0, "<div>", 300).Append("<p onclick=\"x()\">ok</p>").ToString();

        var cleaned = HtmlCleaner.Unbounded().Clean(html, Base);

        Assert.Contains("<p>ok</p>", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_UnwrappedAndDroppedTags_KeepTheRestInDocumentOrder()
    {
        var cleaned = HtmlCleaner.Unbounded().Clean("<div><font>a<b>b</b></font><script>s()</script>c<!--x--><center><p>d</p></center></div>", Base);

        Assert.Equal("<div>a<b>b</b>c<div><p>d</p></div></div>", cleaned);
    }

    [Fact]
    public void Clean_NinetyThousandSiblingsToUnwrapOrDrop_KeepsEveryWordInOrder()
    {
        var html = "<div>" + new StringBuilder().Insert(0, "<font>a</font><script>x()</script><span>b</span>", 45_000) + "</div>";

        var cleaned = HtmlCleaner.Unbounded().Clean(html, Base);

        Assert.Equal("<div>" + new StringBuilder().Insert(0, "a<span>b</span>", 45_000) + "</div>", cleaned);
    }

    [Fact]
    public void Clean_PastItsTimeBudget_KeepsTheWordsAsOneParagraphAndSaysSoOnce()
    {
        using var logs = new CapturingLoggerFactory();
        var cleaner = new HtmlCleaner(TimeSpan.FromSeconds(5), new ClockAdvancingOnEveryRead(TimeSpan.FromSeconds(3)), logs.CreateLogger<HtmlCleaner>());
        var html = new StringBuilder().Insert(0, "<p onclick=\"x()\">w</p>", 2_000).ToString();

        var cleaned = cleaner.Clean(html, Base);

        Assert.Equal("<p>" + string.Join(' ', Enumerable.Repeat("w", 2_000)) + "</p>", cleaned);
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(4007, entry.EventId.Id);
        Assert.Contains(Base.AbsoluteUri, entry.Message, StringComparison.Ordinal);
        Assert.Contains("Extraction:PageTimeBudget", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_WithinItsTimeBudget_SanitizesAsWithoutOne()
    {
        var cleaner = new HtmlCleaner(TimeSpan.FromSeconds(5), new ClockAdvancingOnEveryRead(TimeSpan.FromMilliseconds(1)), Microsoft.Extensions.Logging.Abstractions.NullLogger<HtmlCleaner>.Instance);
        var html = new StringBuilder().Insert(0, "<p onclick=\"x()\">w</p><font>f</font>", 2_000).ToString();

        Assert.Equal(HtmlCleaner.Unbounded().Clean(html, Base), cleaner.Clean(html, Base));
    }

    [Fact]
    public void ToText_ScriptsStylesAndNoscript_AreNotWords()
    {
        Assert.Equal("a b c d", MarkupStripper.ToText("a<script type=x>if (a<b) go();</script>b<STYLE>p{}</STYLE >c<noscript><img></noscript>d<scripts>"));
    }

    [Fact]
    public void ToText_TagsCommentsAndEntities_LeaveWordsApart()
    {
        Assert.Equal("a b c < d", MarkupStripper.ToText("a<br>b<p>c<!-- <x> --> &lt; d"));
    }
}

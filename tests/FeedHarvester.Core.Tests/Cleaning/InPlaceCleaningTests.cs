using System.Text;
using AngleSharp.Html.Parser;
using FeedHarvester.Cleaning;
using FeedHarvester.Html;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Cleaning;

public sealed class InPlaceCleaningTests
{
    private static readonly Uri Base = new("https://news.example.com/2024/03/story.html");
    private readonly HtmlCleaner _cleaner = HtmlCleaner.Unbounded();

    [Fact]
    public void Clean_ElementOfItsPage_GivesTheHtmlThatCleaningItsSerializedFormGives()
    {
        const string story = "<article class=\"story\"><h2 id=\"x\">Head</h2><p onclick=\"x()\">One <a href=\"/a\">link</a>.</p>"
            + "<font><p>Two</p></font><script>s()</script><img data-src=\"/i.jpg\" src=\"data:,\" alt=\"I\"></article>";
        var element = Parse("<html><body><nav>Menu</nav>" + story + "<footer>F</footer></body></html>").QuerySelector("article")!;
        var expected = _cleaner.Clean(HtmlWriter.OuterHtml(element), Base);

        var cleaned = _cleaner.Clean(element, Base);

        Assert.Equal(expected, cleaned.Html);
    }

    [Fact]
    public void Clean_ElementOfItsPage_ReadsTheTextFromTheSanitizedTree()
    {
        var element = Parse("<div><p>Said.</p><video><p>Your browser cannot play this.</p></video><form><p>A reply.</p><button>Send</button></form></div>")
            .QuerySelector("div")!;

        var cleaned = _cleaner.Clean(element, Base);

        Assert.Equal("Said.\n\nA reply.", cleaned.Text);
        Assert.Equal(HtmlText.ToPlainText(cleaned.Html), cleaned.Text);
    }

    [Fact]
    public void Clean_BlocksNotOnTheList_StaySeparateParagraphs()
    {
        var element = Parse("<div><center>First</center><fieldset>Second</fieldset></div>").QuerySelector("div")!;

        var cleaned = _cleaner.Clean(element, Base);

        Assert.Equal("First\n\nSecond", cleaned.Text);
        Assert.Equal("<div><div>First</div><div>Second</div></div>", cleaned.Html);
    }

    [Fact]
    public void Clean_ElementOfItsPage_IsTakenOutOfThePage()
    {
        var document = Parse("<main><section>Body</section><aside>Side</aside></main>");
        var element = document.QuerySelector("section")!;

        _ = _cleaner.Clean(element, Base);

        Assert.Null(document.QuerySelector("section"));
        Assert.NotNull(document.QuerySelector("aside"));
    }

    [Fact]
    public void Clean_ElementPastItsTimeBudget_KeepsItsWordsAsOneParagraph()
    {
        var cleaner = new HtmlCleaner(TimeSpan.FromSeconds(5), new ClockAdvancingOnEveryRead(TimeSpan.FromSeconds(3)),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HtmlCleaner>.Instance);
        var element = Parse("<div>" + new StringBuilder().Insert(0, "<p onclick=\"x()\">w &amp; </p>", 2_000) + "</div>").QuerySelector("div")!;

        var cleaned = cleaner.Clean(element, Base);

        Assert.StartsWith("<p>w &amp; w &amp; ", cleaned.Html, StringComparison.Ordinal);
        Assert.Equal(2_000, HtmlText.CountWords(cleaned.Text));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}

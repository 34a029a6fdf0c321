using System.Text;
using AngleSharp.Html.Parser;
using FeedHarvester.Html;

namespace FeedHarvester.Tests.Html;

public sealed class MarkupCensusTests
{
    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    [Fact]
    public void CheckHtml_NestingAtTheLimit_IsAccepted()
    {
        Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(Repeat("<div>", MarkupLimits.MaxDepth) + "text"));
    }

    [Fact]
    public void CheckHtml_NestingOneLevelPastTheLimit_IsTooDeeplyNested()
    {
        Assert.Equal(MarkupExcess.TooDeeplyNested, MarkupCensus.CheckHtml(Repeat("<div>", MarkupLimits.MaxDepth + 1) + "text"));
    }

    [Fact]
    public void CheckHtml_MillionUnclosedInlineTags_IsTooDeeplyNested()
    {
        Assert.Equal(MarkupExcess.TooDeeplyNested, MarkupCensus.CheckHtml(Repeat("<b>", 1_000_000) + "text"));
    }

    [Fact]
    public void CheckHtml_OfABuffer_ReadsOnlyTheTextGiven()
    {
        var buffer = ("<p>story</p>" + Repeat("<div>", MarkupLimits.MaxDepth + 1)).AsMemory();

        Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(buffer[.."<p>story</p>".Length]));
        Assert.Equal(MarkupExcess.TooDeeplyNested, MarkupCensus.CheckHtml(buffer));
    }

    [Fact]
    public void CheckHtml_ElementsAtTheLimit_AreAccepted()
    {
        Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(Repeat("<br>", MarkupLimits.MaxElements)));
    }

    [Fact]
    public void CheckHtml_OneElementPastTheLimit_IsTooManyElements()
    {
        Assert.Equal(MarkupExcess.TooManyElements, MarkupCensus.CheckHtml(Repeat("<br>", MarkupLimits.MaxElements + 1)));
    }

    [Theory]
    [InlineData("<p>x", "a paragraph closes the open one")]
    [InlineData("<p><b>x", "a paragraph closes the open one and the inline elements inside it")]
    [InlineData("<li>x", "a list item closes the open one")]
    [InlineData("<dt>x<dd>y", "definition terms and descriptions close each other")]
    [InlineData("<tr><td>x", "rows and cells close the open ones")]
    [InlineData("<option>x", "an option closes the open one")]
    [InlineData("<a href=x>y", "a link left open is closed by the next one")]
    [InlineData("<div>x</div>", "closed elements")]
    [InlineData("<img src=x><br><hr>", "void elements")]
    [InlineData("<script><div><div></script>", "tags inside a script are text")]
    [InlineData("<!-- <div> --><p>x", "tags inside a comment are not tags")]
    [InlineData("<div title='<div>'></div>", "a tag inside a quoted attribute value is not a tag")]
    public void CheckHtml_ImpliedEndTagsRepeatedBeyondTheLimit_AreNotNesting(string part, string why)
    {
        var html = "<table>" + Repeat(part, 5_000) + "</table>";

        Assert.True(MarkupCensus.CheckHtml(html) == MarkupExcess.None, why);
    }

    [Fact]
    public void CheckHtml_EveryGoldenPage_IsWithinTheLimits()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "TestData", "pages")))
        {
            var html = File.ReadAllText(Path.Combine(dir, "source.html"));

            Assert.True(MarkupCensus.CheckHtml(html) == MarkupExcess.None, Path.GetFileName(dir));
        }
    }

    [Fact]
    public void XmlExceeds_CountsStartTagsButNotCdataCommentsOrDeclarations()
    {
        const string xml = "<?xml version=\"1.0\"?><!-- <a><b> --><rss><![CDATA[<p><p><p>]]><item/><item></item></rss>";

        Assert.False(MarkupCensus.XmlExceeds(xml, 3));
        Assert.True(MarkupCensus.XmlExceeds(xml, 2));
    }

    [Fact]
    public void DomShape_TreeDeeperThanTheTextShows_IsTooDeeplyNested()
    {
        // Nested tables: the parser adds a tbody and a tr per level that the text does not show.
        var html = Repeat("<table><td>", 40) + "x";
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(MarkupExcess.None, MarkupCensus.CheckHtml(html, maxDepth: 100, MarkupLimits.MaxElements));
        Assert.Equal(MarkupExcess.TooDeeplyNested, DomShape.Check(document, maxDepth: 100));
    }

    [Fact]
    public void DomShape_ShallowTree_IsAccepted()
    {
        var document = new HtmlParser().ParseDocument("<div><p>a</p><p>b</p></div>");

        Assert.Equal(MarkupExcess.None, DomShape.Check(document));
        Assert.Equal(MarkupExcess.TooDeeplyNested, DomShape.Check(document, maxDepth: 3));
        Assert.Equal(MarkupExcess.TooManyElements, DomShape.Check(document, maxElements: 5));
    }
}

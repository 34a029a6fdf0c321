using FeedHarvester.Html;

namespace FeedHarvester.Tests.Html;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToPlainText_BlockElements_BecomeParagraphs()
    {
        Assert.Equal("One\n\nTwo\n\nThree", HtmlText.ToPlainText("<p>One</p><div>Two</div><h2>Three</h2>"));
    }

    [Fact]
    public void ToPlainText_Whitespace_Collapsed()
    {
        Assert.Equal("a b c", HtmlText.ToPlainText("<p>  a \n\t b   <em>c</em>  </p>"));
    }

    [Fact]
    public void ToPlainText_Entities_Decoded()
    {
        Assert.Equal("Tom & Jerry — “fine”", HtmlText.ToPlainText("<p>Tom &amp; Jerry &mdash; &ldquo;fine&rdquo;</p>"));
    }

    [Fact]
    public void ToPlainText_DoubleBr_SplitsParagraph_SingleBr_BreaksLine()
    {
        Assert.Equal("a\nb\n\nc", HtmlText.ToPlainText("a<br>b<br><br>c"));
    }

    [Fact]
    public void ToPlainText_ScriptAndStyle_Dropped()
    {
        Assert.Equal("Text", HtmlText.ToPlainText("<style>p{}</style><p>Text</p><script>x()</script>"));
    }

    [Fact]
    public void ToPlainText_ListItems_AreParagraphs()
    {
        Assert.Equal("One\n\nTwo", HtmlText.ToPlainText("<ul><li>One</li><li>Two</li></ul>"));
    }

    [Fact]
    public void ToPlainText_Empty_IsEmpty()
    {
        Assert.Equal("", HtmlText.ToPlainText(""));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("don't stop", 3)]
    [InlineData("snake_case 2019 — done!", 3)]
    [InlineData("Привет, мир", 2)]
    [InlineData("क्षत्रिय", 1)]
    public void CountWords_CountsWordRuns(string text, int expected)
    {
        Assert.Equal(expected, HtmlText.CountWords(text));
    }
}

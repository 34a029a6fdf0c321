using System.Text;
using AngleSharp.Html.Parser;
using FeedHarvester.Decoding;
using FeedHarvester.Tests.Extraction;

namespace FeedHarvester.Tests.Decoding;

/// <summary>
/// The extractor returns a page's decoded text to the pool right after parsing it; that is only safe while the
/// parsed tree keeps copies of what it holds, never slices of the parser's input. These tests pin that down, so a
/// parser upgrade that started sharing the input would fail here instead of corrupting articles.
/// </summary>
public sealed class PooledTextParsingTests
{
    public static TheoryData<string> Slugs() => [.. PageFixture.Slugs()];

    [Theory]
    [MemberData(nameof(Slugs))]
    public void ParsedTree_IsUnchangedWhenItsSourceBufferIsOverwritten(string slug)
    {
        var html = Encoding.UTF8.GetString(PageFixture.Load(slug).Source);
        var parser = new HtmlParser();
        var expected = parser.ParseDocument(html);
        var buffer = html.ToCharArray();

        var document = parser.ParseDocument(buffer.AsMemory());
        Array.Fill(buffer, 'x');

        Assert.Equal(expected.DocumentElement.OuterHtml, document.DocumentElement.OuterHtml);
        Assert.Equal(expected.Body?.TextContent, document.Body?.TextContent);
        Assert.Equal(
            expected.All.SelectMany(e => e.Attributes).Select(a => a.Name + "=" + a.Value),
            document.All.SelectMany(e => e.Attributes).Select(a => a.Name + "=" + a.Value));
    }
}

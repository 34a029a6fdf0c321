using FeedHarvester.Extraction.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Tests.Extraction;

public sealed class TextStatsCacheTests
{
    private const string Page =
        "<body><div id='a'><p id='p1'>One, two <a href='/x'>linked words</a> here.</p>" +
        "<div id='b'><a href='/y'><span id='s'>inside link</span> more</a><p id='p2'>Plain text.</p></div>" +
        "<script>var x = 1;</script></div></body>";

    [Fact]
    public void Of_FreshTree_EqualsTextMeasurer()
    {
        var doc = Dom.Parse(Page);
        var cache = new TextStatsCache();

        foreach (var element in doc.Body!.QuerySelectorAll("*").Prepend(doc.Body))
        {
            Assert.Equal(TextMeasurer.Measure(element), cache.Text(element));
        }
    }

    [Fact]
    public void Remove_NestedNodes_AncestorsStayEqualToTextMeasurer()
    {
        var doc = Dom.Parse(Page);
        var remover = new NodeRemover(null);
        _ = remover.Stats.Of(doc.Body!);

        remover.Remove(doc.GetElementById("s")!, RemovalReason.Empty);
        remover.Remove(doc.GetElementById("p1")!, RemovalReason.Empty);

        foreach (var element in doc.Body!.QuerySelectorAll("*").Prepend(doc.Body))
        {
            Assert.Equal(TextMeasurer.Measure(element), remover.Stats.Text(element));
        }
    }

    [Fact]
    public void Restore_AfterRemovalsAndMoves_GivesBackTheParsedTree()
    {
        var doc = Dom.Parse(Page);
        var before = doc.Body!.OuterHtml;
        var remover = new NodeRemover(null);
        var container = doc.CreateElement("div");

        remover.Remove(doc.GetElementById("s")!, RemovalReason.Empty);
        remover.MoveTo(doc.GetElementById("p2")!, container);
        remover.Remove(doc.GetElementById("b")!, RemovalReason.Empty);
        remover.Restore();

        Assert.Equal(before, doc.Body!.OuterHtml);
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedHarvester.Tests.Extraction;

/// <summary>Parses small HTML snippets for unit tests of internal rules.</summary>
internal static class Dom
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The first element matching <paramref name="selector"/> in <paramref name="html"/>.</summary>
    public static IElement Element(string html, string selector) => Parse(html).QuerySelector(selector)!;

    public static string Text(int chars) => new('x', chars);

    /// <summary>Prose of exactly <paramref name="chars"/> characters with no commas.</summary>
    public static string Prose(int chars)
    {
        var text = string.Concat(Enumerable.Repeat("word ", chars / 5 + 1))[..chars];
        return text.EndsWith(' ') ? text[..^1] + "x" : text;
    }
}

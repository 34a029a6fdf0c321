namespace FeedHarvester.Html;

/// <summary>
/// How much markup one document or fragment may hold before it is refused or reduced to its text. The same limits
/// guard every place where untrusted markup becomes a tree: article pages, feed content and summaries, feed XML.
/// </summary>
internal static class MarkupLimits
{
    /// <summary>
    /// Deepest element nesting accepted. Browsers stop nesting at the same depth (Chromium's HTML parser, and AngleSharp's,
    /// attach deeper elements as siblings at 512); the deepest of the 126 DEV news pages nests 51 levels. AngleSharp's
    /// open-element stack is not capped, though, and it walks that stack on every start tag (quadratic: 40,000 nested
    /// divs took 13 s to parse), so deeper markup is refused from its text. Below it every walk that recurses per level
    /// (HtmlSanitizer's, LINQ to XML's Value) stays far from the end of a thread's stack.
    /// </summary>
    public const int MaxDepth = 512;

    /// <summary>
    /// Most elements in one HTML page or fragment. The largest DEV page has about 1,600. A page of 1,000,000 &lt;p&gt;
    /// reached 550 MB; one of 199,000 still peaked at 500 MB through extraction and cleaning (two trees of it), one of
    /// 100,000 at 300 MB in 3 s. At this limit one extraction slot stays under about 400 MB however small the tags are.
    /// </summary>
    public const int MaxElements = 150_000;

    /// <summary>
    /// Most elements in one feed document. A feed may be twice the size of a page (Fetching:MaxFeedBytes) and its
    /// entries carry their HTML escaped, as text, so real feeds hold far fewer elements than this.
    /// </summary>
    public const int MaxFeedElements = 500_000;
}

using AngleSharp.Dom;

namespace FeedHarvester.Extraction;

/// <summary>The body one extraction pass produced.</summary>
/// <param name="Root">
/// The body's element in the parsed page while the tree still holds it as the pass left it; null once another pass
/// has put removed nodes back, or for a body not read from the tree (JSON-LD).
/// </param>
internal sealed record ExtractionAttempt(string Path, string Html, string Text, IElement? Root = null)
{
    public int Chars => Text.Length;

    /// <summary>Characters of the body's text outside links, where measured (the main region); else all of them.</summary>
    public int ProseChars { get; init; } = Text.Length;
}

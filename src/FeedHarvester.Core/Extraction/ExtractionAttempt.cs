namespace FeedHarvester.Extraction;

/// <summary>The body one extraction pass produced.</summary>
internal sealed record ExtractionAttempt(string Path, string Html, string Text)
{
    public int Chars => Text.Length;

    /// <summary>Characters of the body's text outside links, where measured (the main region); else all of them.</summary>
    public int ProseChars { get; init; } = Text.Length;
}

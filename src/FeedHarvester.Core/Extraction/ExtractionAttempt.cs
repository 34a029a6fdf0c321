namespace FeedHarvester.Extraction;

/// <summary>The body one extraction pass produced.</summary>
internal sealed record ExtractionAttempt(string Path, string Html, string Text)
{
    public int Chars => Text.Length;
}

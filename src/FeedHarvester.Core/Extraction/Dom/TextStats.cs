namespace FeedHarvester.Extraction.Dom;

/// <summary>Visible-text measures of an element: characters (whitespace runs count as one), linked characters, commas.</summary>
internal readonly record struct TextStats(int Chars, int LinkChars, int Commas)
{
    /// <summary>Share of the text that sits inside links; 0 for an element without text.</summary>
    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
}

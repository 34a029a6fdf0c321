namespace FeedHarvester.Cleaning;

/// <summary>A body once sanitized: its HTML and its plain text, both read from the same sanitized tree.</summary>
/// <param name="Html">The sanitized HTML.</param>
/// <param name="Text">Plain text of that HTML: paragraphs separated by a blank line.</param>
public sealed record CleanedBody(string Html, string Text);

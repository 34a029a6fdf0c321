using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Eval;

/// <summary>What the extractor gave for one page, and its body score.</summary>
public sealed record PageResult(EvalPage Page, string Text, string? Title, string? Author, DateTimeOffset? Published,
    string Path, double Milliseconds, PageScore Score)
{
    /// <summary>Where the extractor read <see cref="Published"/>, shown beside date misses.</summary>
    public DateSource PublishedFrom { get; init; }

    /// <summary>The ground truth has text and the extractor gave none.</summary>
    public bool IsEmptyBody => Text.Length == 0 && PythonWordTokenizer.Tokenize(Page.Body).Count != 0;
}

namespace FeedHarvester.Fuzz.Corpus;

/// <summary>Which side of the pipeline an input enters: a feed document (parse, then sanitize and normalize each
/// entry) or an article page (extract, then sanitize and normalize the article).</summary>
internal enum InputKind
{
    Feed,
    Page,
}

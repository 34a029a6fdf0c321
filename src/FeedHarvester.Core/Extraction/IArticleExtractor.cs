namespace FeedHarvester.Extraction;

/// <summary>Pulls the article out of one HTML page.</summary>
public interface IArticleExtractor
{
    /// <summary>
    /// Extracts the article from <paramref name="page"/>, or says why there is none: no article text, or a page
    /// refused as too deeply nested, too large a tree, or past its time budget. Never throws for bad HTML; throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    ExtractionOutcome TryExtract(HtmlPage page, CancellationToken cancellationToken = default);
}

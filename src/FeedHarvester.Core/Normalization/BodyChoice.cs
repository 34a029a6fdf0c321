namespace FeedHarvester.Normalization;

/// <summary>Thresholds for choosing between the page's article and the feed's own content.</summary>
internal static class BodyChoice
{
    /// <summary>A page article shorter than this is treated as a failed extraction (teaser, paywall stub, error page).</summary>
    public const int MinPageWords = 20;

    /// <summary>When the feed's content is this many times longer than the page article, the extractor picked a fragment: keep the feed's.</summary>
    public const double FeedMuchLongerFactor = 3.0;
}

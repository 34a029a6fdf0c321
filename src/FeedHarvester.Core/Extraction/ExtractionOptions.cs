using FeedHarvester.Settings;

namespace FeedHarvester.Extraction;

/// <summary>How much work one article page may cost. Section FeedHarvester:Extraction.</summary>
public sealed class ExtractionOptions
{
    /// <summary>
    /// Wall time one page's extraction may take (decoding, parsing, every pass) before it is stopped and the article
    /// falls back to the feed's content with fallback_reason "time_budget_exceeded". Real pages take milliseconds; the
    /// budget stops a hostile page from holding an extraction slot. Sanitizing the chosen body gets the same allowance
    /// again (past it the body is kept as plain text). The default value is 5 seconds.
    /// </summary>
    [DurationRange("100ms", "10m")]
    public TimeSpan PageTimeBudget { get; set; } = TimeSpan.FromSeconds(5);
}

namespace FeedHarvester.Diagnostics;

/// <summary>Tag (label) names of the <see cref="MetricNames"/> instruments, and the fixed values some of them take.</summary>
internal static class MetricTags
{
    public const string Outcome = "outcome";
    public const string Kind = "kind";
    public const string Status = "status";
    public const string StatusCode = "status_code";
    public const string Path = "path";
    public const string State = "state";
    public const string Action = "action";
    public const string Stage = "stage";
    public const string FeedUrl = "feed_url";
    public const string Version = "version";

    /// <summary>Extraction path when the extractor found no article text.</summary>
    public const string NoArticlePath = "none";

    /// <summary>Extraction path when the extractor threw.</summary>
    public const string ErrorPath = "error";

    /// <summary>Extraction path when the page was refused (too deeply nested, too many elements, past its time budget).</summary>
    public const string RefusedPath = "refused";
}

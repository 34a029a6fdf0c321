namespace FeedHarvester.Fetching;

/// <summary>What to fetch and which validators to send back.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Kind">Feed or page: decides the Accept header and the size limit.</param>
/// <param name="ETag">Sent as If-None-Match.</param>
/// <param name="LastModified">Sent as If-Modified-Since, verbatim.</param>
/// <param name="UserAgent">This request's User-Agent (a feed's own); null means the configured one.</param>
public sealed record FetchRequest(Uri Url, FetchKind Kind, string? ETag = null, string? LastModified = null, string? UserAgent = null)
{
    /// <summary>
    /// A page body is handed over in its pooled array (<see cref="FetchResult.BodyLease"/>) for a caller that
    /// releases it as soon as it is parsed; other callers get an array of their own.
    /// </summary>
    internal bool LendBody { get; init; }
}

namespace FeedHarvester.Fetching;

/// <summary>Why a fetch gave no content. Stable codes: logs, metrics and the scheduler switch on them.</summary>
public enum FetchFailureKind
{
    /// <summary>Not an http or https URL.</summary>
    UnsupportedScheme,

    /// <summary>DNS, connection or TLS failure.</summary>
    NetworkError,

    /// <summary>The total time limit for the request passed.</summary>
    Timeout,

    /// <summary>The body (after decompression) exceeded the size limit.</summary>
    TooLarge,

    /// <summary>429, or 503 with Retry-After; also a request refused without sending because an earlier Retry-After for the URL still runs.</summary>
    RateLimited,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>410: the publisher says the resource is gone for good.</summary>
    Gone,

    /// <summary>5xx.</summary>
    ServerError,

    /// <summary>Any other non-success status.</summary>
    HttpError,

    /// <summary>Too many redirects, or a redirect back to a URL already visited.</summary>
    RedirectLoop,

    /// <summary>The URL resolves to a loopback, private, link-local or otherwise internal address that is not allowed.</summary>
    PrivateAddressBlocked,

    /// <summary>The site's robots.txt disallows this page for our user agent (pages only; feeds are published to be polled).</summary>
    RobotsDisallowed,

    /// <summary>
    /// The body stopped before its end: the connection closed before Content-Length bytes arrived, or was reset
    /// mid-body. What did arrive is not used, since a cut feed or page reads as a different document.
    /// </summary>
    TruncatedBody,

    /// <summary>The body arrived but cannot be read: a Content-Encoding (gzip, deflate, br) that does not decode, or broken chunked framing.</summary>
    CorruptBody,
}

namespace FeedHarvester.Parsing;

/// <summary>A fetched (or local) feed document and what the HTTP response said about it.</summary>
/// <param name="Body">Raw bytes as received (after content decoding).</param>
/// <param name="ContentType">The Content-Type header value, if any (may carry a charset).</param>
/// <param name="DocumentUrl">The URL it came from (after redirects); base for relative links.</param>
/// <param name="ContentLanguage">The Content-Language header value, if any.</param>
public sealed record FeedDocument(
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    Uri? DocumentUrl,
    string? ContentLanguage = null)
{
    /// <summary>The Content-Location header value, if any; when it is an http(s) URL it is the base for relative links.</summary>
    public string? ContentLocation { get; init; }
}

namespace FeedHarvester.Extraction;

/// <summary>A page as fetched: raw bytes, the Content-Type header (charset), and the URL it came from.</summary>
public sealed record HtmlPage(ReadOnlyMemory<byte> Body, string? ContentType, Uri Url);

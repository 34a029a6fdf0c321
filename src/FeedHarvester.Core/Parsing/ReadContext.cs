namespace FeedHarvester.Parsing;

/// <summary>What a format reader needs from the response besides the document: link base and header language.</summary>
internal sealed record ReadContext(LinkResolver Links, string? ContentLanguage);

namespace FeedHarvester.Parsing;

/// <summary>What a format reader found in a document.</summary>
internal sealed record FeedContent(ParsedFeed Feed, IReadOnlyList<ParsedEntry> Entries);

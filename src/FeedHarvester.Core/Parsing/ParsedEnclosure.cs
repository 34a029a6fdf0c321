namespace FeedHarvester.Parsing;

/// <summary>One enclosure (podcast audio, image …) of an entry.</summary>
public sealed record ParsedEnclosure(string Url, string? Type, long? Length);

namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>An earlier article found through a shared band: its id, its story's id and its signature.</summary>
public sealed record StoryCandidate(string ArticleId, string StoryId, StorySignature Signature);

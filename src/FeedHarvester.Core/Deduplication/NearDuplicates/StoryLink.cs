namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>A near-copy's link to its story: the first copy's id and the earlier article it matched best.</summary>
public sealed record StoryLink(string StoryId, string DuplicateOf, double Similarity);

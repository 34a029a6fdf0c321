namespace FeedHarvester.Worker.Health;

/// <summary>Feeds whose poll was due longer ago than the grace period and has not started: how many, and one of them.</summary>
internal sealed record OverduePoll(int FeedCount, string FeedUrl, DateTimeOffset DueAt);

using FeedHarvester.Feeds;
using FeedHarvester.Fetching;

namespace FeedHarvester.Pipeline;

/// <summary>What a successful poll found: the fetch (content or 304), the feed's rhythm, and how many new articles it gave.</summary>
public sealed record PollSuccess(FetchResult Fetch, FeedRhythm Rhythm, int NewArticles)
{
    public PollOutcome Outcome => Fetch.IsNotModified ? PollOutcome.NotModified : PollOutcome.Ok;
}

using System.Diagnostics;
using FeedHarvester.Feeds;

namespace FeedHarvester.Pipeline;

/// <summary>One poll under way: the feed, the state it started from, and when it started (a monotonic timestamp).</summary>
internal sealed record PollContext(FeedDefinition Feed, FeedState State, long StartedAt)
{
    public string FeedUrl => State.FeedUrl;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedAt);
}

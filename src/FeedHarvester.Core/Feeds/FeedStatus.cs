namespace FeedHarvester.Feeds;

/// <summary>Whether a feed is still polled.</summary>
public enum FeedStatus
{
    /// <summary>Polled on its schedule.</summary>
    Active,

    /// <summary>Failed with 404 many times in a row: still polled, at the longest back-off, in case it comes back.</summary>
    Broken,

    /// <summary>The publisher said 410 Gone: never polled again until the operator changes its URL.</summary>
    Gone,
}

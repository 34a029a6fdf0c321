namespace FeedHarvester.Feeds;

/// <summary>Durable per-feed state: validators, last outcome, error count, next poll.</summary>
public interface IFeedStateStore
{
    /// <summary>The stored state, or null when the feed was never polled.</summary>
    Task<FeedState?> GetFeedStateAsync(string feedUrl, CancellationToken cancellationToken);

    /// <summary>Replaces the stored state of <see cref="FeedState.FeedUrl"/>.</summary>
    Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken);

    /// <summary>Every stored feed state, ordered by feed URL.</summary>
    Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken);
}

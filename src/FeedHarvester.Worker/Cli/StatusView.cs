using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// What <c>status</c> shows: the feeds (listed ones only, unless asked for all), their titles from the feed list, how many
/// stored feeds are no longer listed, and the worker line.
/// </summary>
/// <param name="WorkerHolds">Whether a worker holds the data directory now; null where it cannot be told (Redis mode).</param>
/// <param name="StoreName">The data directory or the Redis endpoint, as the worker line names it.</param>
internal sealed record StatusView(
    IReadOnlyList<FeedState> States,
    IReadOnlyDictionary<string, FeedDefinition> Listed,
    int Unlisted,
    bool? WorkerHolds,
    string StoreName)
{
    /// <summary>The latest poll of any feed the store knows, listed or not: when the worker last did anything.</summary>
    public DateTimeOffset? LastPoll { get; init; }

    public string? TitleOf(FeedState state) => Listed.GetValueOrDefault(state.FeedUrl)?.Title;

    public bool IsFailing(FeedState state) => state.ConsecutiveErrors > 0 || state.Status != FeedStatus.Active;
}

using FeedHarvester.Diagnostics;

namespace FeedHarvester.Feeds;

/// <summary>A feed's condition in one word (a <see cref="FeedStateLabel"/>), for the feeds gauge and the <c>status</c> command.</summary>
public static class FeedCondition
{
    /// <summary>Gone and broken as stored; an active feed whose last polls failed is "failing".</summary>
    public static string LabelOf(FeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            FeedStatus.Gone => FeedStateLabel.Gone,
            FeedStatus.Broken => FeedStateLabel.Broken,
            _ when state.ConsecutiveErrors > 0 => FeedStateLabel.Failing,
            _ => FeedStateLabel.Active,
        };
    }
}

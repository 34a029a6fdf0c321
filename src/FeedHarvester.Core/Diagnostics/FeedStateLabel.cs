using FeedHarvester.Feeds;

namespace FeedHarvester.Diagnostics;

/// <summary>One word for a feed's condition, shared by the feeds gauge and the <c>status</c> command.</summary>
public static class FeedStateLabel
{
    public const string Active = "active";
    public const string Failing = "failing";
    public const string Broken = "broken";
    public const string Gone = "gone";

    /// <summary>Every label, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Active, Failing, Broken, Gone];

    /// <summary>Gone and broken as stored; an active feed whose last polls failed is "failing".</summary>
    public static string Of(FeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            FeedStatus.Gone => Gone,
            FeedStatus.Broken => Broken,
            _ when state.ConsecutiveErrors > 0 => Failing,
            _ => Active,
        };
    }
}

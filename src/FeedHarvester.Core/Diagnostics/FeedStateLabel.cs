namespace FeedHarvester.Diagnostics;

/// <summary>One word for a feed's condition, shared by the feeds gauge and the <c>status</c> command (see <c>FeedCondition</c>).</summary>
public static class FeedStateLabel
{
    public const string Active = "active";
    public const string Failing = "failing";
    public const string Broken = "broken";
    public const string Gone = "gone";

    /// <summary>Every label, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Active, Failing, Broken, Gone];
}

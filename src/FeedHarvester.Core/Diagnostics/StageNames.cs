namespace FeedHarvester.Diagnostics;

/// <summary>Names of the stages as tag values and in the <c>--once</c> summary.</summary>
internal static class StageNames
{
    /// <summary>Every stage, in pipeline order.</summary>
    public static IReadOnlyList<HarvestStage> All { get; } = Enum.GetValues<HarvestStage>();

    /// <summary>The stage's tag value: snake_case, stable for dashboards.</summary>
    public static string Name(HarvestStage stage) => stage switch
    {
        HarvestStage.FeedFetch => "feed_fetch",
        HarvestStage.Parse => "parse",
        HarvestStage.SeenCheck => "seen_check",
        HarvestStage.PageFetch => "page_fetch",
        HarvestStage.Extract => "extract",
        HarvestStage.Normalize => "normalize",
        HarvestStage.Claim => "claim",
        HarvestStage.Emit => "emit",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}

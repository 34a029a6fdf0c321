namespace FeedHarvester.Diagnostics;

/// <summary>The stages whose time is measured, in pipeline order (see <see cref="StageTotals"/>).</summary>
public enum HarvestStage
{
    /// <summary>Fetching a feed, waiting for the host's request slot included.</summary>
    FeedFetch,

    /// <summary>Parsing a fetched feed into entries.</summary>
    Parse,

    /// <summary>The cheap pre-check of an entry's keys before its page is fetched.</summary>
    SeenCheck,

    /// <summary>Fetching an article page, waiting for the host's request slot included.</summary>
    PageFetch,

    /// <summary>Decoding a page and extracting the article from it.</summary>
    Extract,

    /// <summary>Cleaning, sanitizing and normalizing an article into its record.</summary>
    Normalize,

    /// <summary>The atomic dedupe-and-queue (in Redis mode also the append to the stream).</summary>
    Claim,

    /// <summary>One sink round writing queued articles out.</summary>
    Emit,
}

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

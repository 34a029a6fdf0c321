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

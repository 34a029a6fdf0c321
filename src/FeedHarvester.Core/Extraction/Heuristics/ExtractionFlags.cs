namespace FeedHarvester.Extraction.Heuristics;

/// <summary>The strict rules of one extraction pass; each relaxation step turns one off.</summary>
[Flags]
internal enum ExtractionFlags
{
    None = 0,

    /// <summary>Remove elements whose class/id names them page furniture before scoring.</summary>
    StripUnlikely = 1,

    /// <summary>Let positive/negative class words raise or lower a container's score.</summary>
    WeightClasses = 2,

    /// <summary>Prune link-dense and media-heavy blocks inside the chosen article.</summary>
    CleanConditionally = 4,

    All = StripUnlikely | WeightClasses | CleanConditionally,
}

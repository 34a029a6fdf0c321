namespace FeedHarvester.Fuzz.Execution;

/// <summary>The pipeline stages an input goes through, by the names reports use.</summary>
internal static class Stage
{
    public const string Parse = "parse";
    public const string Extract = "extract";
    public const string Sanitize = "sanitize";
    public const string Normalize = "normalize";

    /// <summary>Before the first stage started (building the input, starting the thread).</summary>
    public const string Start = "start";
}

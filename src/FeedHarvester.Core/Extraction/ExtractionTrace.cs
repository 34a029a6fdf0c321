using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction;

/// <summary>
/// What one extraction decided: every removed node with its reason, the candidate scores and the passes tried.
/// Collected only when asked for (tests, Debug logging), so normal runs build no strings for it.
/// </summary>
public sealed class ExtractionTrace
{
    public List<(string Node, RemovalReason Reason)> Removals { get; } = [];

    /// <summary>"tag#id.class => score", best first, per pass.</summary>
    public List<string> Candidates { get; } = [];

    /// <summary>"path: chars", one per pass tried.</summary>
    public List<string> Passes { get; } = [];

    /// <summary>
    /// How the body was chosen after the passes: the page's votes, the main region's length when it was read as a
    /// second opinion or fallback, and the step that won ("step: path").
    /// </summary>
    public List<string> Choice { get; } = [];
}

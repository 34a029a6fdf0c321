using FeedHarvester.Parsing;

namespace FeedHarvester.Conformance;

/// <summary>A case's verdict and, when it failed, each failing fact as "fact: expected … got …".</summary>
/// <param name="ParseTime">Time spent in FeedParser.Parse alone (not file reading or fact checks).</param>
/// <param name="Via">Which reader the result came through (CodeHollow with raw-XML overrides, raw XML alone, JSON).</param>
internal sealed record CaseOutcome(ConformanceCase Case, IReadOnlyList<string> Failures, TimeSpan ParseTime = default, FeedReadPath Via = FeedReadPath.None)
{
    public bool Passed => Failures.Count == 0;
}

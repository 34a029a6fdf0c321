namespace FeedHarvester.Conformance;

/// <summary>A case's verdict and, when it failed, each failing fact as "fact: expected … got …".</summary>
internal sealed record CaseOutcome(ConformanceCase Case, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}

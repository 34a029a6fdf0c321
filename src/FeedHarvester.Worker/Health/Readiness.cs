namespace FeedHarvester.Worker.Health;

/// <summary>
/// A readiness verdict: <paramref name="Reasons"/> why the worker cannot do its job (empty when ready), and
/// <paramref name="Notes"/> an operator may want to know that do not decide it (no successful poll for a long while).
/// </summary>
internal sealed record Readiness(IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    public bool IsReady => Reasons.Count == 0;
}

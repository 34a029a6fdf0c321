namespace FeedHarvester.Diagnostics;

/// <summary>
/// Running totals per stage since start: calls, wall time and (for synchronous stages) thread CPU time. Thread-safe
/// and allocation-free to add to; the <c>--once</c> summary divides a run's totals by the articles emitted.
/// </summary>
public sealed class StageTotals
{
    private readonly long[] _calls = new long[StageNames.All.Count];
    private readonly long[] _wallTicks = new long[StageNames.All.Count];
    private readonly long[] _cpuTicks = new long[StageNames.All.Count];
    private readonly long[] _cpuCalls = new long[StageNames.All.Count];

    public void Add(HarvestStage stage, TimeSpan wall, TimeSpan? cpu)
    {
        var i = (int)stage;
        _ = Interlocked.Increment(ref _calls[i]);
        _ = Interlocked.Add(ref _wallTicks[i], wall.Ticks);
        if (cpu is { } spent)
        {
            _ = Interlocked.Increment(ref _cpuCalls[i]);
            _ = Interlocked.Add(ref _cpuTicks[i], spent.Ticks);
        }
    }

    /// <summary>The totals now, one per stage in pipeline order.</summary>
    public IReadOnlyList<StageTotal> Snapshot() =>
        StageNames.All.Select(stage =>
        {
            var i = (int)stage;
            var cpu = Interlocked.Read(ref _cpuCalls[i]) > 0 ? TimeSpan.FromTicks(Interlocked.Read(ref _cpuTicks[i])) : (TimeSpan?)null;
            return new StageTotal(stage, Interlocked.Read(ref _calls[i]), TimeSpan.FromTicks(Interlocked.Read(ref _wallTicks[i])), cpu);
        }).ToList();
}

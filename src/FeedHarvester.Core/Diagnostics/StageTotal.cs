namespace FeedHarvester.Diagnostics;

/// <summary>One stage's totals: calls, wall time summed over them (calls overlap, so this can exceed elapsed time) and thread CPU time when measured.</summary>
public sealed record StageTotal(HarvestStage Stage, long Calls, TimeSpan Wall, TimeSpan? Cpu)
{
    public string Name => StageNames.Name(Stage);

    /// <summary>What was added between <paramref name="earlier"/> (a snapshot of the same stage) and this.</summary>
    public StageTotal Since(StageTotal earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return this with
        {
            Calls = Calls - earlier.Calls,
            Wall = Wall - earlier.Wall,
            Cpu = Cpu is { } cpu ? cpu - (earlier.Cpu ?? TimeSpan.Zero) : null,
        };
    }
}

using System.Runtime;

namespace FeedHarvester.Worker.Running;

/// <summary>Collections by generation, pause time and bytes allocated: how hard the run made the garbage collector work.</summary>
internal sealed record GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long AllocatedBytes)
{
    /// <summary>"server" or "workstation", and whether background (concurrent) collections are on.</summary>
    public string Mode { get; init; } = ModeNow();

    /// <summary>The process's totals so far (a collection of gen1 counts as one of gen0 too; these are per generation).</summary>
    public static GcActivity Now()
    {
        int gen2 = GC.CollectionCount(2), gen1 = GC.CollectionCount(1), gen0 = GC.CollectionCount(0);
        return new(gen0 - gen1, gen1 - gen2, gen2, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
    }

    /// <summary>What happened between <paramref name="earlier"/> and this.</summary>
    public GcActivity Since(GcActivity earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return this with
        {
            Gen0 = Gen0 - earlier.Gen0,
            Gen1 = Gen1 - earlier.Gen1,
            Gen2 = Gen2 - earlier.Gen2,
            Paused = Paused - earlier.Paused,
            AllocatedBytes = AllocatedBytes - earlier.AllocatedBytes,
        };
    }

    private static string ModeNow() =>
        (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent");
}

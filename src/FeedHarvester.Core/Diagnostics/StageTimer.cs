using System.Diagnostics;

namespace FeedHarvester.Diagnostics;

/// <summary>
/// A started measurement of one stage call: wall time always, and the thread's CPU time for a synchronous stage
/// (one that never awaits, so it starts and ends on the same thread). Monotonic clocks, so no TimeProvider.
/// </summary>
public readonly struct StageTimer
{
    private readonly long _startedAt;
    private readonly TimeSpan? _cpuAtStart;

    private StageTimer(long startedAt, TimeSpan? cpuAtStart)
    {
        _startedAt = startedAt;
        _cpuAtStart = cpuAtStart;
    }

    /// <summary>For a stage that runs on one thread from start to end: wall and thread CPU time.</summary>
    public static StageTimer StartSynchronous() => new(Stopwatch.GetTimestamp(), ThreadCpuClock.Now());

    /// <summary>For a stage that awaits (I/O): wall time only, as its CPU time is spread over whichever threads resume it.</summary>
    public static StageTimer StartAsynchronous() => new(Stopwatch.GetTimestamp(), null);

    /// <summary>Wall time since the start.</summary>
    public TimeSpan Wall => Stopwatch.GetElapsedTime(_startedAt);

    /// <summary>The thread's CPU time since the start, or null for an asynchronous stage or where it cannot be read.</summary>
    public TimeSpan? Cpu => _cpuAtStart is { } start && ThreadCpuClock.Now() is { } now ? now - start : null;
}

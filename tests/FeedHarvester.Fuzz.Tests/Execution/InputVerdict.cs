namespace FeedHarvester.Fuzz.Execution;

/// <summary>What running one input came to: passed, or which stage failed how, with the costs measured.</summary>
/// <param name="Symptom">Null when the input passed; otherwise one of <see cref="Symptoms"/>.</param>
/// <param name="Abandoned">The input's thread was left running (hang, memory abort): its worker must end.</param>
internal sealed record InputVerdict(
    string Stage,
    string? Symptom,
    string? Detail,
    double CpuMs,
    double WallMs,
    long AllocatedBytes,
    long WorkingSetGrowth,
    int InputBytes,
    bool Abandoned = false)
{
    public bool Passed => Symptom is null;
}

/// <summary>The kinds of failure, as reports and finding names spell them.</summary>
internal static class Symptoms
{
    public const string Exception = "exception";

    /// <summary>A promise broken without an exception (a DTD that was not refused).</summary>
    public const string Invariant = "invariant";
    public const string StackOverflow = "stack-overflow";
    public const string OutOfMemory = "out-of-memory";
    public const string Crash = "crash";
    public const string Hang = "hang";
    public const string CpuBudget = "cpu-budget";
    public const string AllocationBudget = "alloc-budget";
    public const string MemorySpike = "memory-spike";
}

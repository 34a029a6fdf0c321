namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// What one input may cost before it counts as a failure. Figures are per input (all its stages together) and
/// were set against the seed fixtures and mutated inputs of the fetch size limits on the 2-core CI machine;
/// the README's fuzzing section gives the measurements behind them.
/// </summary>
internal sealed record Budgets
{
    /// <summary>
    /// CPU time of the input's thread. CPU rather than wall time, because the CI machine's two cores are shared
    /// with other test projects: a linear 5 MB page costs well under a second of CPU, a quadratic one minutes.
    /// </summary>
    public TimeSpan Cpu { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wall time after which the input is abandoned as hung (the worker process is then replaced): four times the
    /// CPU budget, so an input given a quarter of a core on a busy machine still finishes.
    /// </summary>
    public TimeSpan Wall { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Bytes the input's thread may allocate (garbage included): a cost that grows faster than the input.</summary>
    public long AllocatedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Growth of the worker's working set over its level before the input: memory held at once.</summary>
    public long WorkingSetGrowth { get; init; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Growth at which the worker stops the input at once instead of waiting for it to finish, so one runaway
    /// input cannot take the memory of a machine shared with other work.
    /// </summary>
    public long WorkingSetAbort => WorkingSetGrowth * 3;
}

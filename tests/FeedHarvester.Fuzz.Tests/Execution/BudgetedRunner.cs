using System.Diagnostics;
using System.Globalization;
using FeedHarvester.Diagnostics;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// Runs one input on a thread of its own and judges it against the <see cref="Budgets"/>: an exception, wall
/// time past the hang limit, CPU, allocation or working-set growth past budget. The thread has the default
/// stack size, as thread-pool threads (where extraction runs in production) do, so a tree deep enough to
/// overflow in production overflows here; the main thread's larger stack would hide it.
/// </summary>
internal sealed class BudgetedRunner(Budgets budgets)
{
    /// <param name="work">The stages, calling its argument as each one starts.</param>
    /// <param name="onStage">Told each stage as it starts (the worker reports it, so a crash names its stage).</param>
    /// <param name="onMemoryAbort">Called from the sampler when growth passes the abort line; it should end the process.</param>
    public InputVerdict Run(int inputBytes, Action<Action<string>> work, Action<string> onStage, Action<InputVerdict> onMemoryAbort)
    {
        var accounts = new StageAccounts();
        Exception? error = null;
        TimeSpan cpu = TimeSpan.Zero;
        long allocated = 0;

        // A clean heap before each input, so growth measured during it is its own.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var wall = Stopwatch.StartNew();
        ThreadCpuWatch? watch = null;
        using var watching = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            watch = ThreadCpuWatch.ForCurrentThread();
            watching.Set();
            var cpuAtStart = ThreadCpuClock.Now() ?? TimeSpan.Zero;
            var allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                work(stage =>
                {
                    accounts.Enter(stage);
                    onStage(stage);
                });
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                accounts.Close();
                cpu = (ThreadCpuClock.Now() ?? TimeSpan.Zero) - cpuAtStart;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart;
            }
        })
        {
            IsBackground = true,
            Name = "fuzz-input",
        };

        bool finished;
        TimeSpan? overBudget;
        long peak = 0;
        string peakStage;
        using (var sampler = new MemorySampler(budgets.WorkingSetAbort, () => accounts.Current, (growth, stage) =>
            onMemoryAbort(Fail(stage, Symptoms.MemorySpike, $"working set grew by {Mib(growth)}, past the abort line of {Mib(budgets.WorkingSetAbort)}") with
            {
                WorkingSetGrowth = growth,
                Abandoned = true,
            })))
        {
            thread.Start();
            watching.Wait();
            (finished, overBudget) = Await(thread, watch!);
            peak = sampler.PeakGrowth;
            peakStage = sampler.PeakStage;
        }

        InputVerdict Fail(string stage, string symptom, string detail) =>
            new(stage, symptom, detail, cpu.TotalMilliseconds, wall.Elapsed.TotalMilliseconds, allocated, peak, inputBytes);

        if (!finished && overBudget is { } spent)
        {
            return Fail(accounts.Current, Symptoms.CpuBudget,
                $"still running after {spent.TotalSeconds:F1} s of CPU, budget {budgets.Cpu.TotalSeconds:F0} s (abandoned)") with
            {
                CpuMs = spent.TotalMilliseconds,
                Abandoned = true,
            };
        }

        if (!finished)
        {
            return Fail(accounts.Current, Symptoms.Hang, $"no result within {budgets.Wall.TotalSeconds:F0} s of wall time") with { Abandoned = true };
        }

        if (error is not null)
        {
            return Fail(accounts.Current, error switch
            {
                OutOfMemoryException => Symptoms.OutOfMemory,
                InvariantViolationException => Symptoms.Invariant,
                _ => Symptoms.Exception,
            }, error is InvariantViolationException ? error.Message : Describe(error));
        }

        if (cpu > budgets.Cpu)
        {
            return Fail(accounts.CostliestStage, Symptoms.CpuBudget,
                $"{cpu.TotalSeconds:F1} s of CPU, budget {budgets.Cpu.TotalSeconds:F0} s ({accounts.Summary()})");
        }

        if (allocated > budgets.AllocatedBytes)
        {
            return Fail(accounts.CostliestStage, Symptoms.AllocationBudget,
                $"allocated {Mib(allocated)}, budget {Mib(budgets.AllocatedBytes)} ({accounts.Summary()})");
        }

        if (peak > budgets.WorkingSetGrowth)
        {
            return Fail(peakStage, Symptoms.MemorySpike, $"working set grew by {Mib(peak)}, budget {Mib(budgets.WorkingSetGrowth)}");
        }

        return new InputVerdict(accounts.Current, null, null, cpu.TotalMilliseconds, wall.Elapsed.TotalMilliseconds, allocated, peak, inputBytes);
    }

    /// <summary>How often a running input's CPU time is checked against the budget.</summary>
    private static readonly TimeSpan CpuCheckInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits for the thread until it ends, passes the CPU budget (returned) or the wall limit.</summary>
    private (bool Finished, TimeSpan? OverBudget) Await(Thread thread, ThreadCpuWatch watch)
    {
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < budgets.Wall)
        {
            if (thread.Join(CpuCheckInterval))
            {
                return (true, null);
            }

            if (watch.Read() is { } cpu && cpu > budgets.Cpu)
            {
                return (false, cpu);
            }
        }

        return (thread.Join(TimeSpan.Zero), null);
    }

    /// <summary>Type, message and the innermost FeedHarvester frame (else the innermost frame) on one line.</summary>
    public static string Describe(Exception error)
    {
        var frames = (error.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var frame = frames.FirstOrDefault(f => f.StartsWith("at FeedHarvester.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "";
        var source = frame.IndexOf(" in /", StringComparison.Ordinal);
        frame = source < 0 ? frame : frame[..source]; // the build machine's paths say nothing about the input
        var inner = error.InnerException is { } cause ? $" (inner {cause.GetType().Name}: {cause.Message})" : "";
        return $"{error.GetType().FullName}: {error.Message}{inner} {frame}".ReplaceLineEndings(" ").Trim();
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

    /// <summary>CPU time and allocation per stage, read on the input's thread at every stage change.</summary>
    private sealed class StageAccounts
    {
        private readonly Dictionary<string, (TimeSpan Cpu, long Allocated)> _costs = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private string _current = Stage.Start;
        private bool _open;
        private TimeSpan _cpuMark;
        private long _allocatedMark;

        /// <summary>The stage running now, or the last one to run once the input is done (where an exception escaped).</summary>
        public string Current
        {
            get
            {
                lock (_gate)
                {
                    return _current;
                }
            }
        }

        public string CostliestStage => _costs.Count == 0 ? Current : _costs.MaxBy(c => c.Value.Cpu).Key;

        public void Enter(string stage)
        {
            var (cpu, allocated) = Now();
            lock (_gate)
            {
                CloseOpen(cpu, allocated);
                _current = stage;
                _open = true;
                _cpuMark = cpu;
                _allocatedMark = allocated;
            }
        }

        public void Close()
        {
            var (cpu, allocated) = Now();
            lock (_gate)
            {
                CloseOpen(cpu, allocated);
                _open = false;
            }
        }

        public string Summary() => string.Join(", ", _costs.OrderByDescending(c => c.Value.Cpu)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value.Cpu.TotalSeconds:F1} s, {Mib(c.Value.Allocated)}")));

        private static (TimeSpan Cpu, long Allocated) Now() =>
            (ThreadCpuClock.Now() ?? TimeSpan.Zero, GC.GetAllocatedBytesForCurrentThread());

        private void CloseOpen(TimeSpan cpu, long allocated)
        {
            if (_open)
            {
                var (sumCpu, sumAllocated) = _costs.GetValueOrDefault(_current);
                _costs[_current] = (sumCpu + (cpu - _cpuMark), sumAllocated + (allocated - _allocatedMark));
            }
        }
    }
}

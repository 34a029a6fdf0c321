using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Supervision;

namespace FeedHarvester.Fuzz.Tests;

/// <summary>The harness catches and reports each kind of failure, and carries on after the ones that end a worker.</summary>
public sealed class IsolationTests
{
    private static readonly Budgets Small = new()
    {
        Cpu = TimeSpan.FromSeconds(1),
        Wall = TimeSpan.FromSeconds(3),
        WorkingSetGrowth = 64L * 1024 * 1024,
        AllocatedBytes = 128L * 1024 * 1024,
    };

    /// <summary>
    /// The CPU budget with a wall limit far beyond it: on a loaded machine a spinning thread gets a fraction of a
    /// core, and must still reach its CPU budget before the wall limit calls it a hang.
    /// </summary>
    private static readonly Budgets SmallCpuAmpleWall = Small with { Wall = TimeSpan.FromSeconds(60) };

    private static Task<JobOutcome> SelfTestAsync(WorkerProcess worker, string name, Budgets? budgets = null) =>
        worker.RunAsync(new WorkerJob { SelfTest = name, Budgets = budgets ?? Small }, CancellationToken.None);

    [Fact]
    public async Task StackOverflow_KillsOnlyTheWorker_AndIsReportedWithItsStageAndRecursion()
    {
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);

        var outcome = await SelfTestAsync(worker, SelfTests.StackOverflow);

        Assert.True(outcome.WorkerLost);
        Assert.Equal(Symptoms.StackOverflow, outcome.Verdict.Symptom);
        Assert.Equal("self-test", outcome.Verdict.Stage);
        Assert.Contains("FeedHarvester.Fuzz.Execution.SelfTests.Recurse", outcome.Verdict.Detail, StringComparison.Ordinal);
        using var next = await WorkerProcess.StartAsync(CancellationToken.None);
        Assert.True((await SelfTestAsync(next, SelfTests.Pass)).Verdict.Passed);
    }

    [Fact]
    public async Task Exception_IsReportedWithTypeAndFrame_AndTheWorkerTakesTheNextJob()
    {
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);

        var thrown = await SelfTestAsync(worker, SelfTests.Throw);
        var next = await SelfTestAsync(worker, SelfTests.Pass);

        Assert.Equal(Symptoms.Exception, thrown.Verdict.Symptom);
        Assert.StartsWith("System.InvalidOperationException: self-test exception", thrown.Verdict.Detail, StringComparison.Ordinal);
        Assert.Contains("at FeedHarvester.Fuzz.Execution.SelfTests.Run", thrown.Verdict.Detail, StringComparison.Ordinal);
        Assert.False(thrown.WorkerLost);
        Assert.True(next.Verdict.Passed);
    }

    [Fact]
    public async Task CpuBurn_IsAbandonedAtTheCpuBudget_NotAtTheHangLimit()
    {
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);

        var outcome = await SelfTestAsync(worker, SelfTests.Spin, SmallCpuAmpleWall);

        Assert.Equal(Symptoms.CpuBudget, outcome.Verdict.Symptom);
        Assert.True(outcome.Verdict.Abandoned && outcome.WorkerLost);
        Assert.InRange(outcome.Verdict.CpuMs, Small.Cpu.TotalMilliseconds, Small.Cpu.TotalMilliseconds + 1000);
    }

    [Fact]
    public async Task Sleeper_IsAbandonedAsAHangAtTheWallLimit()
    {
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);

        var outcome = await SelfTestAsync(worker, SelfTests.Hang);

        Assert.Equal(Symptoms.Hang, outcome.Verdict.Symptom);
        Assert.True(outcome.WorkerLost);
        Assert.InRange(outcome.Verdict.WallMs, Small.Wall.TotalMilliseconds, Small.Wall.TotalMilliseconds + 10_000);
    }

    [Fact]
    public async Task HeldMemory_PastTheBudget_IsAMemorySpike()
    {
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);

        var outcome = await SelfTestAsync(worker, SelfTests.Allocate);

        Assert.Equal(Symptoms.MemorySpike, outcome.Verdict.Symptom);
        Assert.True(outcome.Verdict.WorkingSetGrowth > Small.WorkingSetGrowth, $"growth {outcome.Verdict.WorkingSetGrowth}");
    }

    [Fact]
    public async Task Round_WithACrashingCase_StillRunsToItsEndAndSavesTheFinding()
    {
        var output = Directory.CreateTempSubdirectory("fuzz-round-").FullName;
        try
        {
            var report = await new RoundSupervisor(new RoundOptions(RoundOptions.CiSeed, TimeSpan.FromMinutes(5), 3, output), TextWriter.Null)
            {
                JobFor = (index, fuzzCase) => index == 1 ? new WorkerJob { SelfTest = SelfTests.StackOverflow } : new WorkerJob { Case = fuzzCase },
            }.RunAsync();

            Assert.Equal(3, report.Cases);
            var finding = Assert.Single(report.Findings);
            Assert.Equal(Symptoms.StackOverflow, finding.First.Verdict.Symptom);
            Assert.Equal(1, finding.First.Index);
            Assert.True(File.Exists(finding.Path));
            Assert.Equal(2, report.WorkersStarted);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

using System.Diagnostics;
using FeedHarvester.Diagnostics;

namespace FeedHarvester.Tests.Diagnostics;

public sealed class StageTimerTests
{
    [Fact]
    public void Synchronous_SleepingThread_CpuFarBelowWall()
    {
        var timer = StageTimer.StartSynchronous();

        Thread.Sleep(100);
        if (!OperatingSystem.IsLinux())
        {
            // The thread CPU clock is read on Linux only; elsewhere the stage has wall time alone.
            Assert.Null(timer.Cpu);
            return;
        }

        var cpu = timer.Cpu;
        Assert.NotNull(cpu);
        Assert.True(cpu < timer.Wall / 2, $"cpu {cpu} should be far below wall {timer.Wall} while the thread sleeps");
    }

    [Fact]
    public void Synchronous_BusyThread_CpuGrows()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var timer = StageTimer.StartSynchronous();
        var deadline = Stopwatch.StartNew();

        // Spins until the thread has used 20 ms of CPU (bounded, so a broken clock fails rather than hangs).
        var spins = 0L;
        while (timer.Cpu < TimeSpan.FromMilliseconds(20) && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            spins++;
        }

        Assert.True(timer.Cpu >= TimeSpan.FromMilliseconds(20), $"cpu {timer.Cpu} after {spins} spins");
        Assert.True(timer.Wall >= timer.Cpu);
    }

    [Fact]
    public void Asynchronous_NeverReportsCpu()
    {
        var timer = StageTimer.StartAsynchronous();

        Assert.Null(timer.Cpu);
        Assert.True(timer.Wall >= TimeSpan.Zero);
    }
}

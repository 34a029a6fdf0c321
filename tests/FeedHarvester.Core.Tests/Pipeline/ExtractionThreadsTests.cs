using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class ExtractionThreadsTests
{
    [Fact]
    public async Task RunAsync_RunsTheWorkOnOneOfItsOwnThreadsNotThePool()
    {
        using var threads = new ExtractionThreads(2);

        var (name, pooled) = await threads.RunAsync(() => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread), CancellationToken.None);

        Assert.Equal(ExtractionThreads.ThreadName, name);
        Assert.False(pooled);
    }

    [Fact]
    public async Task RunAsync_ContinuesTheCallerOffTheExtractionThreads()
    {
        using var threads = new ExtractionThreads(1);

        await threads.RunAsync(() => 1, CancellationToken.None);

        Assert.NotEqual(ExtractionThreads.ThreadName, Thread.CurrentThread.Name);
    }

    [Fact]
    public async Task RunAsync_NeverRunsMoreAtOnceThanItHasThreads()
    {
        using var threads = new ExtractionThreads(2);
        var running = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => threads.RunAsync(() =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(5);
            return Interlocked.Decrement(ref running);
        }, CancellationToken.None)));

        Assert.Equal(2, most);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_NeverStartsTheWork()
    {
        using var threads = new ExtractionThreads(1);
        using var release = new ManualResetEventSlim();
        var blocker = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var started = false;

        var waiting = threads.RunAsync(() => started = true, cancel.Token);
        await cancel.CancelAsync();
        release.Set();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(started);
    }

    [Fact]
    public async Task RunAsync_WorkThatThrows_FaultsItsTaskAndTheThreadGoesOn()
    {
        using var threads = new ExtractionThreads(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => threads.RunAsync<int>(() => throw new InvalidOperationException("bug"), CancellationToken.None));

        Assert.Equal(2, await threads.RunAsync(() => 2, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_AfterDispose_Throws()
    {
        var threads = new ExtractionThreads(1);
        threads.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => threads.RunAsync(() => 1, CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

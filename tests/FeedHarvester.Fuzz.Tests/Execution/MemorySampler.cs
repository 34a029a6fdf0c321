namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// Samples the process's working set while an input runs and keeps the peak growth over the level before it
/// (with the stage running at the peak). Calls <c>onAbort</c> once when growth passes the abort line.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    /// <summary>Often enough to see a spike that builds over tens of milliseconds, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly long _baseline = Environment.WorkingSet;
    private readonly long _abortAt;
    private readonly Func<string> _stage;
    private readonly Action<long, string> _onAbort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _peak;
    private string _peakStage = Stage.Start;

    public MemorySampler(long abortAt, Func<string> stage, Action<long, string> onAbort)
    {
        _abortAt = abortAt;
        _stage = stage;
        _onAbort = onAbort;
        _thread = new Thread(Sample) { IsBackground = true, Name = "fuzz-memory" };
        _thread.Start();
    }

    public long PeakGrowth => Interlocked.Read(ref _peak);

    public string PeakStage => Volatile.Read(ref _peakStage);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Sample()
    {
        var aborted = false;
        do
        {
            var growth = Environment.WorkingSet - _baseline;
            if (growth > _peak)
            {
                Interlocked.Exchange(ref _peak, growth);
                Volatile.Write(ref _peakStage, _stage());
            }

            if (!aborted && growth > _abortAt)
            {
                aborted = true;
                _onAbort(growth, _stage());
            }
        }
        while (!_stop.Token.WaitHandle.WaitOne(Interval));
    }
}

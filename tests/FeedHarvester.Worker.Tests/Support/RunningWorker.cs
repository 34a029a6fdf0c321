using System.Collections.Concurrent;
using System.Diagnostics;

namespace FeedHarvester.Tests.Support;

/// <summary>A worker process running as a service, its log lines collected as they come, killed with SIGKILL when disposed.</summary>
internal sealed class RunningWorker : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private RunningWorker(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Log => string.Join('\n', _lines);

    /// <summary>Starts <c>feedharvester run</c> with <paramref name="arguments"/>, logging at Information.</summary>
    public static RunningWorker Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var withInfo = new Dictionary<string, string>(environment) { ["Logging__LogLevel__Default"] = "Information" };
        return new RunningWorker(HarvestRunner.StartWorker(withInfo, ["run", .. arguments]));
    }

    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until a line holds <paramref name="text"/>; false when the worker exits or the time runs out first.</summary>
    public async Task<bool> WaitForAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (Count(text) > 0)
            {
                return true;
            }

            if (_process.HasExited)
            {
                await Task.Delay(200);
                return Count(text) > 0;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>kill -9: no shutdown, no check-out from the cluster, a poll cut off wherever it was.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}

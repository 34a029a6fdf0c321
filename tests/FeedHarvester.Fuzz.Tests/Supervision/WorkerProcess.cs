using System.Diagnostics;
using System.Globalization;
using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// A worker child process (this assembly run with <c>worker</c>) and the conversation with it. Runs are done in
/// children because a stack overflow ends a .NET process whatever catches it: no thread, stack size or handler
/// keeps the round alive, but a parent that sees the child die can report the input and start another.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>Room beyond the hang limit for the worker's own clean-up (a full GC before each input).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Start-up includes loading the runtime and the corpus; on a loaded 2-core machine that can take seconds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Lines of stderr kept from the start (where the runtime writes "Stack overflow." and the repeated frames)
    /// and from the end (where other crashes write their last words); the middle of a long trace is dropped.
    /// </summary>
    private const int StderrHeadLines = 80;

    private const int StderrTailLines = 80;

    private readonly Process _process;
    private readonly List<string> _stderrHead = [];
    private readonly Queue<string> _stderr = new();
    private readonly Lock _stderrGate = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public static async Task<WorkerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(WorkerProcess).Assembly.Location;
        var info = new ProcessStartInfo(DotnetHost(), [assembly, "worker"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };

        // A hard heap limit turns a runaway input into an OutOfMemoryException in the worker instead of memory
        // taken from everything else on the machine (hexadecimal, as the runtime reads it).
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + (new Budgets().WorkingSetAbort + (512L * 1024 * 1024)).ToString("X", CultureInfo.InvariantCulture);
        // As the worker program ships (TieredPGO off in its project), so CPU figures compare with production's.
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a fuzz worker");
        var worker = new WorkerProcess(process);
        process.ErrorDataReceived += (_, e) => worker.KeepStderr(e.Data);
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        if (WorkerProtocol.Read<WorkerEvent>(line ?? "") is not { Event: WorkerEvent.Ready })
        {
            worker.Dispose();
            throw new InvalidOperationException($"fuzz worker did not start: {line} {string.Join(" | ", worker.StderrTail())}");
        }

        return worker;
    }

    public async Task<JobOutcome> RunAsync(WorkerJob job, CancellationToken cancellationToken)
    {
        var budgets = job.Budgets ?? new Budgets();
        await _process.StandardInput.WriteLineAsync(WorkerProtocol.Write(job).AsMemory(), cancellationToken).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var stage = Stage.Start;
        var wall = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budgets.Wall + Grace);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                var e = WorkerProtocol.Read<WorkerEvent>(line);
                if (e is { Event: WorkerEvent.StageStarted, Stage: { } started })
                {
                    stage = started;
                }
                else if (e is { Event: WorkerEvent.Done, Verdict: { } verdict })
                {
                    return new JobOutcome(verdict, verdict.Abandoned);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            return new JobOutcome(Lost(stage, Symptoms.Hang, $"worker silent for {(budgets.Wall + Grace).TotalSeconds:F0} s", wall), true);
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        _process.WaitForExit(); // and for the last stderr lines to be read
        var (symptom, detail) = CrashReader.Read(_process.ExitCode, StderrTail());
        return new JobOutcome(Lost(stage, symptom, detail, wall), true);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static InputVerdict Lost(string stage, string symptom, string detail, Stopwatch wall) =>
        new(stage, symptom, detail, 0, wall.Elapsed.TotalMilliseconds, 0, 0, 0);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderrGate)
        {
            if (_stderrHead.Count < StderrHeadLines)
            {
                _stderrHead.Add(line);
                return;
            }

            _stderr.Enqueue(line);
            if (_stderr.Count > StderrTailLines)
            {
                _ = _stderr.Dequeue();
            }
        }
    }

    private List<string> StderrTail()
    {
        lock (_stderrGate)
        {
            return [.. _stderrHead, .. _stderr];
        }
    }
}

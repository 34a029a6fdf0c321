using System.Runtime.InteropServices;

namespace FeedHarvester.Fuzz.Execution;

/// <summary>
/// Reads another thread's CPU time (Linux: <c>pthread_getcpuclockid</c> + <c>clock_gettime</c>), so an input
/// past its CPU budget is given up at the budget rather than at the much later wall-time hang limit: a
/// quadratic input then costs the round seconds, not a minute. Where it cannot be read, only the wall limit applies.
/// </summary>
internal sealed class ThreadCpuWatch
{
    private readonly int _clockId;
    private readonly bool _valid;

    private ThreadCpuWatch(int clockId, bool valid)
    {
        _clockId = clockId;
        _valid = valid;
    }

    /// <summary>A watch on the calling thread, to be read from any thread.</summary>
    public static ThreadCpuWatch ForCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new ThreadCpuWatch(0, false);
        }

        try
        {
            return PthreadGetCpuClockId(PthreadSelf(), out var clockId) == 0
                ? new ThreadCpuWatch(clockId, true)
                : new ThreadCpuWatch(0, false);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return new ThreadCpuWatch(0, false);
        }
    }

    /// <summary>The watched thread's CPU time so far, or null where it cannot be read.</summary>
    public TimeSpan? Read()
    {
        if (!_valid || ClockGetTime(_clockId, out var spec) != 0)
        {
            return null;
        }

        return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / TimeSpan.NanosecondsPerTick));
    }

    // DllImport, as in Core's ThreadCpuClock: blittable arguments need no generated marshalling, and
    // LibraryImport would need unsafe code allowed in the whole assembly.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "pthread_self")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nint PthreadSelf();

    [DllImport("libc", EntryPoint = "pthread_getcpuclockid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int PthreadGetCpuClockId(nint thread, out int clockId);

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clockId, out TimeSpec value);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

using System.Runtime.InteropServices;

namespace FeedHarvester.Diagnostics;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Wall time of a synchronous stage
/// overstates its cost whenever more threads are runnable than there are cores, which is exactly when the figure
/// matters; the thread's own CPU time does not. Elsewhere (or if the call fails) it reports nothing and callers
/// fall back to wall time only.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True where the thread CPU clock can be read.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The calling thread's CPU time so far, or null where it cannot be read.</summary>
    public static TimeSpan? Now() => IsSupported && TryRead(out var now) ? now : null;

    private static bool TryRead(out TimeSpan value)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) == 0)
            {
                value = TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / TimeSpan.NanosecondsPerTick));
                return true;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without clock_gettime: wall time only.
        }

        value = TimeSpan.Zero;
        return false;
    }

    // DllImport rather than LibraryImport: the struct is blittable, so no marshalling code is generated either way,
    // and LibraryImport would need unsafe code allowed in the whole assembly for this one call.
#pragma warning disable SYSLIB1054
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

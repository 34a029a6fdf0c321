using System.Globalization;

namespace FeedHarvester.Worker.Running;

/// <summary>
/// CPU time the process's threads have used, by kind of thread (the runtime names its own: thread pool workers,
/// the socket event loop, the background collector, the tier-up compiler), read from /proc/self/task on Linux. It
/// shows where the CPU outside the measured stages goes. A thread that ended meanwhile takes its time with it; that
/// is what the process total holds beyond the sum.
/// </summary>
internal sealed class ThreadCpu
{
    // /proc reports times in USER_HZ, which Linux fixes at 100 for every architecture it exports them on.
    private const double TicksPerSecond = 100;

    /// <summary>The runtime's thread names (at most 15 characters in /proc) and the kind each stands for.</summary>
    private static readonly (string Prefix, string Kind)[] Kinds =
    [
        (".NET TP Worker", "thread pool"),
        (".NET Sockets", "socket events"),
        (".NET BGC", "background GC"),
        (".NET Tiered Com", "tier-up JIT"),
        (".NET Long Runni", "long-running tasks"),
        (".NET Finalizer", "finalizer"),
        (".NET Timer", "timers"),
        ("Extraction", "extraction"), // the pipeline's own extraction threads (ExtractionThreads.ThreadName)
    ];

    private readonly Dictionary<int, (string Kind, TimeSpan Cpu)> _threads;

    private ThreadCpu(Dictionary<int, (string Kind, TimeSpan Cpu)> threads) => _threads = threads;

    public static ThreadCpu Now()
    {
        var threads = new Dictionary<int, (string, TimeSpan)>();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/task"))
        {
            return new ThreadCpu(threads);
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && TryRead(task, out var kind, out var cpu))
            {
                threads[id] = (kind, cpu);
            }
        }

        return new ThreadCpu(threads);
    }

    /// <summary>CPU used by each kind of thread since <paramref name="earlier"/>, most first.</summary>
    public IReadOnlyList<(string Kind, TimeSpan Cpu)> Since(ThreadCpu earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var byKind = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (id, (kind, cpu)) in _threads)
        {
            var before = earlier._threads.TryGetValue(id, out var then) ? then.Cpu : TimeSpan.Zero;
            byKind[kind] = byKind.GetValueOrDefault(kind) + (cpu - before);
        }

        return byKind.Where(k => k.Value > TimeSpan.Zero).OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value)).ToList();
    }

    private static bool TryRead(string task, out string kind, out TimeSpan cpu)
    {
        kind = "";
        cpu = TimeSpan.Zero;
        try
        {
            var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            // The name in stat is in parentheses and may hold spaces: the fields counted are the ones after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            kind = KindOf(name);
            cpu = TimeSpan.FromSeconds(ticks / TicksPerSecond);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // The thread ended between the listing and the read.
            return false;
        }
    }

    internal static string KindOf(string threadName)
    {
        foreach (var (prefix, kind) in Kinds)
        {
            if (threadName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return threadName.StartsWith(".NET", StringComparison.Ordinal) ? "other runtime threads" : "other threads";
    }
}

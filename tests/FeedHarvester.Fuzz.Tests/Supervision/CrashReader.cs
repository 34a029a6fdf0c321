using System.Globalization;
using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// Turns a dead worker's exit code and last stderr lines into a symptom and a one-line detail. The runtime
/// prints "Stack overflow." and the repeated frames before it aborts; the detail names the repeated frame and
/// the innermost FeedHarvester frame, which is what tells two overflows apart.
/// </summary>
internal static class CrashReader
{
    public static (string Symptom, string Detail) Read(int exitCode, IReadOnlyList<string> stderr)
    {
        var text = string.Join('\n', stderr);
        if (text.Contains("Stack overflow", StringComparison.Ordinal))
        {
            var methods = stderr.Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal))
                .Select(MethodOf).ToList();
            var innermost = methods.FirstOrDefault() ?? "?";

            // The recursion is the FeedHarvester method met most often (the runtime prints it once per level, or
            // once with "Repeat N times"); the innermost frame is often a library call it made at the last level.
            var recursive = methods.Where(m => m.StartsWith("FeedHarvester.", StringComparison.Ordinal))
                .GroupBy(m => m, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            return (Symptoms.StackOverflow, recursive is null
                ? $"stack overflow in {innermost}"
                : $"stack overflow in {recursive} (innermost frame {innermost})");
        }

        if (text.Contains("OutOfMemory", StringComparison.Ordinal))
        {
            return (Symptoms.OutOfMemory, $"worker ran out of memory (exit {exitCode.ToString(CultureInfo.InvariantCulture)})");
        }

        var last = stderr.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output on stderr";
        return (Symptoms.Crash, $"worker died with exit code {exitCode.ToString(CultureInfo.InvariantCulture)}: {last}");
    }

    /// <summary><c>at A.B.C(Args)</c> → <c>A.B.C</c> (generic arguments kept out too).</summary>
    private static string MethodOf(string frame)
    {
        var name = frame[3..];
        var cut = name.IndexOfAny(['(', '[']);
        return cut < 0 ? name : name[..cut];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>
/// Turns a dead worker's exit code and last stderr lines into a symptom and a one-line detail. The runtime
/// prints "Stack overflow." and the repeated frames before it aborts; the detail names the repeated frame and
/// the innermost FeedHarvester frame, which is what tells two overflows apart.
/// </summary>
internal static partial class CrashReader
{
    public static (string Symptom, string Detail) Read(int exitCode, IReadOnlyList<string> stderr)
    {
        var text = string.Join('\n', stderr);
        if (text.Contains("Stack overflow", StringComparison.Ordinal))
        {
            var repeat = RepeatLine().Match(text);
            var frames = stderr.Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToList();
            var repeated = frames.FirstOrDefault() ?? "?";
            var ours = frames.FirstOrDefault(f => f.StartsWith("at FeedHarvester.", StringComparison.Ordinal));
            var times = repeat.Success ? $" (repeated {repeat.Groups["n"].Value} times)" : "";
            return (Symptoms.StackOverflow, $"stack overflow{times} {repeated}{(ours is null || ours == repeated ? "" : $", from {ours}")}");
        }

        if (text.Contains("OutOfMemory", StringComparison.Ordinal))
        {
            return (Symptoms.OutOfMemory, $"worker ran out of memory (exit {exitCode.ToString(CultureInfo.InvariantCulture)})");
        }

        var last = stderr.LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output on stderr";
        return (Symptoms.Crash, $"worker died with exit code {exitCode.ToString(CultureInfo.InvariantCulture)}: {last}");
    }

    [GeneratedRegex(@"Repeat (?<n>\d+) times")]
    private static partial Regex RepeatLine();
}

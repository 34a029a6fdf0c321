using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedHarvester.RedisBench;

/// <summary>Runs redis-benchmark's XADD on the same server: the reference for what one plain append costs.</summary>
internal static partial class RedisBenchmarkTool
{
    /// <summary>XADD with the fields and trimming of a claim, the record as payload; returns requests per second and the command line.</summary>
    public static async Task<(double PerSecond, string CommandLine)> RunXaddAsync(string host, int port, int requests, string streamKey, string record)
    {
        string[] arguments =
        [
            "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture), "-q",
            "XADD", streamKey, "MAXLEN", "~", "1000000", "*", "id", "article-bench", "schema_version", "1", "article", record,
        ];
        var start = new ProcessStartInfo("redis-benchmark") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-benchmark did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"redis-benchmark printed no rate: {output} {await process.StandardError.ReadToEndAsync()}");
        }

        var shown = string.Join(' ', arguments[..^1]) + $" <{record.Length}-byte record>";
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), "redis-benchmark " + shown);
    }

    // -q prints "<command>: 51234.57 requests per second, p50=0.5 msec"; the last rate on the output is the one.
    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) requests per second", RegexOptions.RightToLeft)]
    private static partial Regex RequestsPerSecond();
}

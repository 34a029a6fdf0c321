using System.Globalization;
using System.Text;
using FeedHarvester.Fuzz.Execution;

namespace FeedHarvester.Fuzz.Supervision;

/// <summary>What a round did: cases run, the distinct findings (first occurrence and how often seen), costs.</summary>
internal sealed class RoundReport(string seed)
{
    private readonly Dictionary<string, (Finding First, string Path, int Count)> _findings = new(StringComparer.Ordinal);

    public string Seed { get; } = seed;
    public int Cases { get; private set; }
    public int Passed { get; private set; }
    public int WorkersStarted { get; set; }
    public TimeSpan Elapsed { get; set; }
    public double MaxCpuMs { get; private set; }
    public long MaxInputBytes { get; private set; }

    public IEnumerable<(Finding First, string Path, int Count)> Findings => _findings.Values.OrderBy(f => f.First.Index);

    public bool Clean => _findings.Count == 0;

    public void Passing(InputVerdict verdict)
    {
        Cases++;
        Passed++;
        MaxCpuMs = Math.Max(MaxCpuMs, verdict.CpuMs);
        MaxInputBytes = Math.Max(MaxInputBytes, verdict.InputBytes);
    }

    /// <returns>True when the finding is new (its signature not seen before in this round).</returns>
    public bool Failing(Finding finding, Func<string> write)
    {
        Cases++;
        if (_findings.TryGetValue(finding.Signature, out var seen))
        {
            _findings[finding.Signature] = seen with { Count = seen.Count + 1 };
            return false;
        }

        _findings[finding.Signature] = (finding, write(), 1);
        return true;
    }

    public string Summary()
    {
        var text = new StringBuilder();
        _ = text.AppendLine(CultureInfo.InvariantCulture,
            $"fuzz round {Seed}: {Cases} cases in {Elapsed.TotalSeconds:F0} s, {Passed} passed, {_findings.Count} distinct findings, " +
            $"{WorkersStarted} worker processes; largest passing input {MaxInputBytes / 1024} KiB, most CPU {MaxCpuMs / 1000:F2} s");
        foreach (var (first, path, count) in Findings)
        {
            _ = text.AppendLine(CultureInfo.InvariantCulture, $"  [{count}x] {first.Describe()}");
            _ = text.AppendLine(CultureInfo.InvariantCulture, $"        saved: {path}");
        }

        return text.ToString();
    }
}

using System.Text.Json;

namespace FeedHarvester.Worker.Running;

/// <summary><c>run --once --json</c>: the summary as one JSON object, for scripts (snake_case, durations in milliseconds).</summary>
internal static class HarvestSummaryJson
{
    public static string Serialize(HarvestSummary summary, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var document = new Dictionary<string, object?>
        {
            ["exit_code"] = exitCode,
            ["feeds"] = new Dictionary<string, int>
            {
                ["ok"] = summary.FeedsOk,
                ["failed"] = summary.FeedsFailed,
                ["disabled"] = summary.FeedsDisabled,
            },
            ["articles"] = new Dictionary<string, int>
            {
                ["emitted"] = summary.ArticlesEmitted,
                ["from_feed_content"] = summary.FromFeedContent,
                ["duplicates_skipped"] = summary.DuplicatesSkipped,
                ["rejected"] = summary.Rejected,
                ["recovered"] = summary.Recovered,
                ["linked_copies"] = summary.LinkedCopies,
                ["dropped_copies"] = summary.DroppedCopies,
            },
            ["elapsed_ms"] = Math.Round(summary.Elapsed.TotalMilliseconds, 1),
            ["articles_per_second"] = Math.Round(summary.ArticlesPerSecond, 2),
            ["stages"] = summary.Stages.Select(stage => new Dictionary<string, object?>
            {
                ["stage"] = stage.Name,
                ["calls"] = stage.Calls,
                ["wall_ms"] = Math.Round(stage.Wall.TotalMilliseconds, 3),
                ["cpu_ms"] = stage.Cpu is { } cpu ? Math.Round(cpu.TotalMilliseconds, 3) : null,
            }).ToList(),
            ["process_cpu_ms"] = summary.ProcessCpu is { } process ? Math.Round(process.TotalMilliseconds, 1) : null,
            ["gc"] = summary.Gc is { } gc
                ? new Dictionary<string, object>
                {
                    ["mode"] = gc.Mode,
                    ["gen0"] = gc.Gen0,
                    ["gen1"] = gc.Gen1,
                    ["gen2"] = gc.Gen2,
                    ["paused_ms"] = Math.Round(gc.Paused.TotalMilliseconds, 1),
                    ["allocated_bytes"] = gc.AllocatedBytes,
                }
                : null,
            ["failures"] = summary.Failures.Select(f => new Dictionary<string, string?>
            {
                ["feed_url"] = f.FeedUrl,
                ["outcome"] = f.Outcome.ToString(),
                ["message"] = f.Message,
            }).ToList(),
        };
        return JsonSerializer.Serialize(document);
    }
}

using System.Globalization;
using FeedHarvester.Diagnostics;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Worker.Running;

/// <summary>The figures an operator reads after <c>run --once</c>.</summary>
internal sealed record HarvestSummary(
    int FeedsOk,
    int FeedsFailed,
    int FeedsDisabled,
    int ArticlesEmitted,
    int FromFeedContent,
    int DuplicatesSkipped,
    int Rejected,
    int Recovered,
    TimeSpan Elapsed,
    IReadOnlyList<PollReport> Failures)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? ArticlesEmitted / Elapsed.TotalSeconds : 0;

    /// <summary>New articles recognised as near-copies of an earlier story and emitted with its story_id.</summary>
    public int LinkedCopies { get; init; }

    /// <summary>Near-copies of an earlier story not emitted (near-duplicate policy drop).</summary>
    public int DroppedCopies { get; init; }

    /// <summary>What each stage took during the run (empty when not measured).</summary>
    public IReadOnlyList<StageTotal> Stages { get; init; } = [];

    /// <summary>CPU time of the whole process during the run, every thread (HTTP, GC and logging included).</summary>
    public TimeSpan? ProcessCpu { get; init; }

    /// <summary>CPU time by kind of thread during the run (empty where the platform does not say).</summary>
    public IReadOnlyList<(string Kind, TimeSpan Cpu)> CpuByThread { get; init; } = [];

    /// <summary>Garbage collections during the run and the time they paused the process.</summary>
    public GcActivity? Gc { get; init; }

    public static HarvestSummary From(IReadOnlyCollection<PollReport> reports, int recovered, TimeSpan elapsed) => new(
        reports.Count(r => r.Succeeded),
        reports.Count(r => !r.Succeeded && !r.Disabled),
        reports.Count(r => r.Disabled),
        reports.Sum(r => r.NewArticles),
        reports.Sum(r => r.FromFeedContent),
        reports.Sum(r => r.Duplicates),
        reports.Sum(r => r.Rejected),
        recovered,
        elapsed,
        reports.Where(r => !r.Succeeded).OrderBy(r => r.FeedUrl, StringComparer.Ordinal).ToList())
    {
        LinkedCopies = reports.Sum(r => r.LinkedCopies),
        DroppedCopies = reports.Sum(r => r.DroppedCopies),
    };

    public string Format()
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Create(culture, $"feeds ok {FeedsOk}, failed {FeedsFailed}, disabled {FeedsDisabled}"),
            string.Create(culture, $"articles emitted {ArticlesEmitted} ({FromFeedContent} from feed content), duplicates skipped {DuplicatesSkipped}, rejected {Rejected}, recovered from an earlier run {Recovered}"),
            string.Create(culture, $"near-copies of an earlier story: {LinkedCopies} emitted with story_id, {DroppedCopies} dropped"),
            string.Create(culture, $"elapsed {Elapsed.TotalSeconds:0.00} s, {ArticlesPerSecond:0.0} articles/s"),
        };
        lines.AddRange(FormatStages());
        lines.AddRange(Failures.Select(f => $"failed {f.FeedUrl}: {f.Outcome.Code}: {f.Message}"));
        return string.Join(Environment.NewLine, lines);
    }

    // Per article emitted, so the figures compare across runs of any size. Wall times of concurrent calls add up
    // (they can exceed the elapsed time); the CPU column is the calling thread's own CPU time, measured for the
    // synchronous stages only, and the process line is everything the process spent, stages or not.
    private IEnumerable<string> FormatStages()
    {
        if (ArticlesEmitted == 0 || (Stages.Count == 0 && ProcessCpu is null && Gc is null))
        {
            yield break;
        }

        var culture = CultureInfo.InvariantCulture;
        double PerArticle(TimeSpan time) => time.TotalMilliseconds / ArticlesEmitted;
        if (Stages.Count > 0)
        {
            yield return "ms per article emitted, by stage (wall: elapsed time of the calls, summed; cpu: thread CPU time, synchronous stages only):";
            yield return string.Create(culture, $"  {"stage",-12} {"calls",8} {"wall",9} {"cpu",9}");
            foreach (var stage in Stages)
            {
                var cpu = stage.Cpu is { } spent ? PerArticle(spent).ToString("0.000", culture) : "-";
                yield return string.Create(culture, $"  {stage.Name,-12} {stage.Calls,8} {PerArticle(stage.Wall),9:0.000} {cpu,9}");
            }
        }

        if (ProcessCpu is { } process)
        {
            var staged = Stages.Sum(s => (s.Cpu ?? TimeSpan.Zero).TotalMilliseconds) / ArticlesEmitted;
            yield return string.Create(culture, $"process CPU {PerArticle(process):0.000} ms per article (all threads; {PerArticle(process) - staged:0.000} outside the cpu column: HTTP, SQLite/Redis client, GC, logging)");
            if (CpuByThread.Count > 0)
            {
                var listed = CpuByThread.Sum(t => t.Cpu.TotalMilliseconds) / ArticlesEmitted;
                var parts = CpuByThread.Select(t => string.Create(culture, $"{t.Kind} {PerArticle(t.Cpu):0.000}"))
                    .Append(string.Create(culture, $"threads ended during the run {Math.Max(0, PerArticle(process) - listed):0.000}"));
                yield return "  by thread (ms per article; a gen0/gen1 collection runs on the thread that allocates): " + string.Join(", ", parts);
            }
        }

        if (Gc is { } gc)
        {
            yield return string.Create(culture, $"GC ({gc.Mode}): {gc.Gen0} gen0, {gc.Gen1} gen1, {gc.Gen2} gen2 collections, paused {gc.Paused.TotalMilliseconds:0} ms ({PerArticle(gc.Paused):0.000} ms per article), {gc.AllocatedBytes / 1024.0 / ArticlesEmitted:0} KiB allocated per article");
        }
    }
}

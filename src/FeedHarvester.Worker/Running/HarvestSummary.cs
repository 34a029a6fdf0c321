using System.Globalization;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Worker.Running;

/// <summary>The figures an operator reads after <c>run --once</c>.</summary>
public sealed record HarvestSummary(
    int FeedsOk,
    int FeedsFailed,
    int FeedsDisabled,
    int ArticlesEmitted,
    int FromFeedContent,
    int DuplicatesSkipped,
    int Rejected,
    int Recovered,
    int LinkedCopies,
    int DroppedCopies,
    TimeSpan Elapsed,
    IReadOnlyList<PollReport> Failures)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? ArticlesEmitted / Elapsed.TotalSeconds : 0;

    public static HarvestSummary From(IReadOnlyCollection<PollReport> reports, int recovered, TimeSpan elapsed) => new(
        reports.Count(r => r.Succeeded),
        reports.Count(r => !r.Succeeded && !r.Disabled),
        reports.Count(r => r.Disabled),
        reports.Sum(r => r.NewArticles),
        reports.Sum(r => r.FromFeedContent),
        reports.Sum(r => r.Duplicates),
        reports.Sum(r => r.Rejected),
        recovered,
        reports.Sum(r => r.LinkedCopies),
        reports.Sum(r => r.DroppedCopies),
        elapsed,
        reports.Where(r => !r.Succeeded).OrderBy(r => r.FeedUrl, StringComparer.Ordinal).ToList());

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
        lines.AddRange(Failures.Select(f => $"failed {f.FeedUrl}: {f.Outcome}: {f.Message}"));
        return string.Join(Environment.NewLine, lines);
    }
}

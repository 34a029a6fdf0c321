using System.Text.RegularExpressions;
using FeedHarvester.Fetching;
using Microsoft.Extensions.Configuration;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// The one place configuration is read and checked, by every command and by the running service on every edit: JSON
/// that parses, no look-alike of the FeedHarvester section, every key known and every value readable
/// (<see cref="OptionsBinder"/>), every options rule (<see cref="HarvesterOptionsValidator"/>), and the feed list
/// (<see cref="FeedListResolver"/>). Every problem is collected before any is reported, so one pass fixes them all.
/// </summary>
internal static partial class SettingsLoader
{
    private static readonly OptionsSchema Schema = OptionsSchema.For(typeof(HarvesterOptions), HarvesterOptions.SectionName);

    /// <param name="withFeeds">Resolve the feed list too (run, feeds); the debugging commands only need the options.</param>
    /// <param name="intervalFloor">Refuse feeds polled more often than Scheduling:IntervalFloor (off only to convert a list between formats).</param>
    /// <param name="environment">Reads an environment variable (the proxy variables); the process environment unless a test gives its own.</param>
    public static SettingsResult Load(IConfigurationRoot configuration, bool withFeeds = true, bool intervalFloor = true, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var tree = new ConfigurationTree(configuration);
        var errors = new List<ConfigurationProblem>();
        errors.AddRange(JsonFileCheck.Problems(configuration));
        errors.AddRange(LookAlikeSections(tree));

        var report = new BindReport();
        var options = new HarvesterOptions();
        new OptionsBinder(tree, Schema, report).Bind(options, HarvesterOptions.SectionName);
        errors.AddRange(report.Errors);
        var validation = new HarvesterOptionsValidator().Validate(HarvesterOptions.SectionName, options);
        errors.AddRange((validation.Failures ?? []).Select(f => ValidationFailures.ToProblem(f, tree)));
        var proxy = ProxySelection.Select(options.Fetching, environment ?? Environment.GetEnvironmentVariable);
        errors.AddRange(proxy.Errors.Select(e => new ConfigurationProblem(e.Variable, "environment variable", e.Message)));

        var lines = errors.Select(e => e.ToString()).ToList();
        var feeds = withFeeds ? FeedListResolver.Resolve(options, report, tree, intervalFloor ? options.Scheduling.IntervalFloor : null) : null;
        lines.AddRange(feeds?.Errors ?? []);
        var notes = report.Notes.Concat(feeds?.Notes ?? []).Concat(proxy.Notes).ToList();
        var settings = lines.Count > 0
            ? null
            : new HarvesterSettings(options, feeds?.Feeds ?? [], feeds?.Source ?? "none") { SkippedFeeds = feeds?.Skipped ?? [], Notes = notes, SampleFeeds = feeds?.IsSample ?? false, Proxy = proxy };
        return new SettingsResult(settings, options, lines, feeds?.Skipped ?? [], notes) { Feeds = feeds?.Feeds ?? [], Proxy = proxy };
    }

    /// <summary>The options as "key = value" for every option but the feed list, to tell which changed on disk.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(HarvesterOptions options) =>
        OptionsSnapshot.Flatten(options, HarvesterOptions.SectionName);

    // Everything the worker reads is under FeedHarvester; a top-level key that nearly is (FeedHarvestr, or the
    // environment variable FeedHarvester_Fetching__Timeout with one underscore) is a mistake, not another program's.
    private static IEnumerable<ConfigurationProblem> LookAlikeSections(ConfigurationTree tree)
    {
        const string Section = HarvesterOptions.SectionName;
        foreach (var key in tree.Children(null))
        {
            if (string.Equals(key, Section, StringComparison.OrdinalIgnoreCase) || tree.SourceOf(key) is not { } source)
            {
                continue;
            }

            // The environment holds every variable of the process, so there only a look-alike written as an option
            // counts: FeedHarvestr__Fetching__Timeout, or FeedHarvester_Fetching__Timeout naming a real section.
            var looksAlike = SourceNames.IsEnvironment(source)
                ? (KeySuggestions.Distance(key, Section) <= 3 && tree.Children(key).Count > 0) || NamesASection(key)
                : key.StartsWith(Section, StringComparison.OrdinalIgnoreCase) || KeySuggestions.Distance(key, Section) <= 3;
            if (!looksAlike)
            {
                continue;
            }

            var suggestion = SourceNames.IsEnvironment(source) ? CorrectVariable(SourceNames.VariableName(key)) : Section;
            yield return new ConfigurationProblem(key, SourceNames.Describe(source, key),
                $"not a section FeedHarvester reads: every option is under {Section}; did you mean {suggestion}?");
        }
    }

    private static bool NamesASection(string key) =>
        key.StartsWith(HarvesterOptions.SectionName + "_", StringComparison.OrdinalIgnoreCase)
        && KeySuggestions.Under(HarvesterOptions.SectionName, Schema).Contains(
            key[(HarvesterOptions.SectionName.Length + 1)..].Split('_')[0], StringComparer.OrdinalIgnoreCase);

    // FeedHarvester_Fetching__Timeout and FeedHarvestr__Fetching__Timeout both mean FeedHarvester__Fetching__Timeout.
    private static string CorrectVariable(string name)
    {
        var doubled = SingleUnderscore().Replace(name, "__");
        var rest = doubled.IndexOf("__", StringComparison.Ordinal);
        return HarvesterOptions.SectionName + (rest < 0 ? string.Empty : doubled[rest..]);
    }

    [GeneratedRegex("(?<!_)_(?!_)", RegexOptions.CultureInvariant)]
    private static partial Regex SingleUnderscore();
}

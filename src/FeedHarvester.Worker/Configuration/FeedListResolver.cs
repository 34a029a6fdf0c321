using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Decides which feeds are polled, by one rule for a start and for an edit while running: the feeds file when one is
/// set, else the feeds listed in configuration, else (nothing configured anywhere) the built-in sample list, said so in
/// the log. A bad entry is skipped with a line naming it (file:line, or its key and URL); the list is refused only when
/// no usable feed remains.
/// </summary>
internal static class FeedListResolver
{
    public const string FeedsKey = HarvesterOptions.SectionName + ":" + nameof(HarvesterOptions.Feeds);
    public const string FeedsFileKey = HarvesterOptions.SectionName + ":" + nameof(HarvesterOptions.FeedsFile);

    /// <param name="floor">Scheduling:IntervalFloor, or null where no feed is polled (converting a list between formats).</param>
    public static ResolvedFeeds Resolve(HarvesterOptions options, BindReport report, ConfigurationTree tree, TimeSpan? floor)
    {
        var configured = report.EntriesOf(FeedsKey);
        if (!string.IsNullOrWhiteSpace(options.FeedsFile))
        {
            return FromFile(options.FeedsFile, floor, configured, tree);
        }

        if (configured.Count > 0)
        {
            return FromConfiguration(configured, floor);
        }

        if (report.EmptyLists.Contains(FeedsKey))
        {
            return Refused("configuration", [$"{Located(FeedsKey, tree)}: is an empty list: list feeds there, set {FeedsFileKey} (--feeds FILE), " +
                "or remove the empty list to poll the built-in sample list"]);
        }

        return new ResolvedFeeds(SampleFeeds.All, "the built-in sample list", [], [],
            [$"No feed is configured ({FeedsKey}, {FeedsFileKey} or --feeds): polling the built-in sample list of {SampleFeeds.All.Count} public news feeds"])
        {
            IsSample = true,
        };
    }

    private static ResolvedFeeds FromFile(string path, TimeSpan? floor, IReadOnlyList<BoundEntry> configured, ConfigurationTree tree)
    {
        if (!File.Exists(path))
        {
            return Refused(path, [$"{Located(FeedsFileKey, tree)}: '{Path.GetFullPath(path)}' does not exist"]);
        }

        FeedListResult list;
        try
        {
            list = FeedListReader.Read(path, floor);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refused(path, [$"{Located(FeedsFileKey, tree)}: '{Path.GetFullPath(path)}' cannot be read ({ex.Message})"]);
        }

        var notes = configured.Count == 0
            ? new List<string>()
            : [$"{FeedsKey} ({configured.Count} entries in {configured[0].Source}) is not used: {FeedsFileKey} ({path}) replaces it"];
        if (list.Feeds.Count == 0)
        {
            return Refused(path, [.. list.Errors, $"{Located(FeedsFileKey, tree)}: '{path}' has no usable feed" + Skipped(list.Errors.Count)]);
        }

        return new ResolvedFeeds(list.Feeds, path, list.Errors, [], notes);
    }

    private static ResolvedFeeds FromConfiguration(IReadOnlyList<BoundEntry> entries, TimeSpan? floor)
    {
        var feeds = new List<FeedDefinition>();
        var skipped = new List<string>();
        var firstKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var options = (FeedOptions)entry.Value;
            if (Check(entry, options, floor) is { } problem)
            {
                skipped.AddRange(problem);
                continue;
            }

            var feed = new FeedDefinition(new Uri(options.Url!.Trim()), options.Interval, options.Title, options.Category, options.Enabled,
                string.IsNullOrWhiteSpace(options.UserAgent) ? null : options.UserAgent.Trim());
            if (firstKey.TryGetValue(feed.Url.AbsoluteUri, out var first))
            {
                skipped.Add($"{entry.Key}:Url ({entry.Source}): {feed.Url.AbsoluteUri} is already listed as {first}; feed skipped");
                continue;
            }

            firstKey[feed.Url.AbsoluteUri] = entry.Key;
            feeds.Add(feed);
        }

        var source = $"{FeedsKey} in {entries[0].Source}";
        return feeds.Count == 0
            ? Refused(source, [.. skipped, $"{FeedsKey} ({entries[0].Source}): no usable feed" + Skipped(skipped.Count)])
            : new ResolvedFeeds(feeds, source, skipped, [], []);
    }

    // Every reason an entry cannot be used, each naming its key, its URL when it has one, and the source.
    private static List<string>? Check(BoundEntry entry, FeedOptions options, TimeSpan? floor)
    {
        var url = string.IsNullOrWhiteSpace(options.Url) ? null : options.Url.Trim();
        var where = url is null ? entry.Source : $"{url}, {entry.Source}";
        if (entry.Problems.Count > 0)
        {
            return entry.Problems.Select(p => $"{p.Key} ({where}): {p.Message}; feed skipped").ToList();
        }

        if (url is null)
        {
            return [$"{entry.Key}:Url ({entry.Source}): must be set; feed skipped"];
        }

        if (!FeedEntryRules.TryParseUrl(url, out _, out var why))
        {
            return [$"{entry.Key}:Url ({entry.Source}): {why}; feed skipped"];
        }

        return options.Interval is { } interval && FeedEntryRules.IntervalProblem(interval, floor) is { } problem
            ? [$"{entry.Key}:Interval ({where}): {problem}; feed skipped"]
            : null;
    }

    private static ResolvedFeeds Refused(string source, IReadOnlyList<string> errors) => new([], source, [], errors, []);

    private static string Located(string key, ConfigurationTree tree) =>
        tree.SourceOf(key) is { } provider ? $"{key} ({SourceNames.Describe(provider, key)})" : key;

    private static string Skipped(int count) => count == 0 ? string.Empty : $" ({count} entries skipped, listed above)";
}

/// <summary>The feeds to poll and where they came from, the entries skipped, and what refuses the list (nothing usable).</summary>
internal sealed record ResolvedFeeds(
    IReadOnlyList<FeedDefinition> Feeds,
    string Source,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Notes)
{
    /// <summary>The built-in sample list: nothing was configured.</summary>
    public bool IsSample { get; init; }
}

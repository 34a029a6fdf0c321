using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Cli;

/// <summary>The work of <c>feeds import</c>: read an OPML file, an HTML page or a plain list, then print it as a plain list or merge it into a feeds file.</summary>
internal static class FeedsImport
{
    public static int Run(string source, string? target, TextWriter output, TextWriter error)
    {
        if (!File.Exists(source))
        {
            return FeedsCommand.Report([$"{source}: no such file"], error);
        }

        var imported = FeedListReader.Read(source);
        var problems = new List<string>(imported.Errors);
        if (target is null)
        {
            foreach (var feed in imported.Feeds)
            {
                output.WriteLine(PlainFeedList.Format(feed));
            }

            return FeedsCommand.Report(problems, error);
        }

        var existing = File.Exists(target) ? FeedListReader.Read(target) : new FeedListResult([], []);
        var existingErrors = existing.Errors.Where(e => !e.Contains(": no feeds found", StringComparison.Ordinal)).ToList();
        var targetIsOpml = File.Exists(target) ? FeedListReader.KindOf(File.ReadAllText(target)) == FeedListKind.Opml : HasOpmlExtension(target);
        if (targetIsOpml && existingErrors.Count > 0)
        {
            // Rewriting an OPML file keeps only the entries that could be read: the bad ones would vanish unseen.
            problems.AddRange(existingErrors);
            problems.Add($"{target}: not changed, fix the entries above first");
            return FeedsCommand.Report(problems, error);
        }

        var known = existing.Feeds.Select(f => f.Url.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var added = imported.Feeds.Where(f => known.Add(f.Url.AbsoluteUri)).ToList();
        var skipped = imported.Feeds.Count - added.Count;
        if (added.Count > 0)
        {
            ReplaceFile(target, targetIsOpml ? OpmlWriter.Write([.. existing.Feeds, .. added]) : AppendPlain(target, source, added));
        }

        output.WriteLine($"{target}: {added.Count} feeds added, {skipped} already there, {imported.Errors.Count} bad entries skipped");
        return FeedsCommand.Report(problems, error);
    }

    /// <summary>
    /// Writes a sibling file and moves it over the target, so a worker watching the feeds file never reads half of it.
    /// </summary>
    public static void ReplaceFile(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, full, overwrite: true);
    }

    private static string AppendPlain(string target, string source, List<FeedDefinition> added)
    {
        var text = File.Exists(target) ? File.ReadAllText(target) : string.Empty;
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += "\n";
        }

        return text + $"# imported from {Path.GetFileName(source)}\n" + string.Concat(added.Select(f => PlainFeedList.Format(f) + "\n"));
    }

    private static bool HasOpmlExtension(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".opml" or ".xml";

}

using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// Applies one <see cref="FeedListEdit"/> to a feeds file, found by the feed's URL. A plain list is edited line by line,
/// so its comments, order and other lines stay as they are; an OPML file is rewritten (refused while it has entries that
/// cannot be read, which the rewrite would drop). The file is replaced whole, so a watching worker never reads half of it.
/// </summary>
internal static class FeedListEditor
{
    public static int Apply(FeedListEdit edit, string path, FeedDefinition feed, TimeSpan intervalFloor, TextWriter output, TextWriter error)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        if (edit != FeedListEdit.Add && !File.Exists(path))
        {
            return Fail(error, $"{path}: no such file");
        }

        if (feed.Interval is { } interval && FeedEntryRules.IntervalProblem(interval, intervalFloor) is { } problem)
        {
            return Fail(error, $"{feed.Url.AbsoluteUri}: {problem}");
        }

        var opml = text.Length > 0 ? FeedListReader.KindOf(text) == FeedListKind.Opml : Path.GetExtension(path).ToLowerInvariant() is ".opml" or ".xml";
        return opml ? ApplyToOpml(edit, path, text, feed, output, error) : ApplyToPlain(edit, path, text, feed, output, error);
    }

    private static int ApplyToPlain(FeedListEdit edit, string path, string text, FeedDefinition feed, TextWriter output, TextWriter error)
    {
        var lines = text.Length == 0 ? new List<string>() : text.TrimEnd('\n').Split('\n').ToList();
        var index = lines.FindIndex(line => SameUrl(PlainFeedList.Parse(line.TrimEnd('\r')).Url, feed.Url));
        if (edit == FeedListEdit.Add)
        {
            if (index >= 0)
            {
                return Fail(error, $"{path}:{index + 1}: {feed.Url.AbsoluteUri} is already listed");
            }

            lines.Add(PlainFeedList.Format(feed));
        }
        else if (index < 0)
        {
            return Fail(error, $"{path}: {feed.Url.AbsoluteUri} is not listed");
        }
        else if (edit == FeedListEdit.Remove)
        {
            lines.RemoveAt(index);
        }
        else if (PlainFeedList.Parse(lines[index].TrimEnd('\r')) is { Feed: { } listed })
        {
            var comment = PlainFeedList.Comment(lines[index]);
            lines[index] = PlainFeedList.Format(listed with { Enabled = edit == FeedListEdit.Enable }) + (comment is null ? string.Empty : "  " + comment);
        }
        else
        {
            return Fail(error, $"{path}:{index + 1}: the line cannot be read; fix it first");
        }

        FeedsImport.ReplaceFile(path, string.Concat(lines.Select(line => line.TrimEnd('\r') + "\n")));
        output.WriteLine($"{path}: {feed.Url.AbsoluteUri} {Done(edit)}");
        return 0;
    }

    private static int ApplyToOpml(FeedListEdit edit, string path, string text, FeedDefinition feed, TextWriter output, TextWriter error)
    {
        var list = text.Length == 0 ? new FeedListResult([], []) : FeedListReader.ReadOpml(text, path);
        var unreadable = list.Errors.Where(e => !e.Contains("no feeds found", StringComparison.Ordinal)).ToList();
        if (unreadable.Count > 0)
        {
            return FeedsCommand.Report([.. unreadable, $"{path}: not changed, fix the entries above first"], error);
        }

        var feeds = list.Feeds.ToList();
        var index = feeds.FindIndex(f => SameUrl(f.Url.AbsoluteUri, feed.Url));
        if (edit == FeedListEdit.Add)
        {
            if (index >= 0)
            {
                return Fail(error, $"{path}: {feed.Url.AbsoluteUri} is already listed");
            }

            feeds.Add(feed);
        }
        else if (index < 0)
        {
            return Fail(error, $"{path}: {feed.Url.AbsoluteUri} is not listed");
        }
        else if (edit == FeedListEdit.Remove)
        {
            feeds.RemoveAt(index);
        }
        else
        {
            feeds[index] = feeds[index] with { Enabled = edit == FeedListEdit.Enable };
        }

        FeedsImport.ReplaceFile(path, OpmlWriter.Write(feeds));
        output.WriteLine($"{path}: {feed.Url.AbsoluteUri} {Done(edit)}");
        return 0;
    }

    private static bool SameUrl(string? listed, Uri url) =>
        listed is not null && Uri.TryCreate(listed, UriKind.Absolute, out var parsed) && string.Equals(parsed.AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal);

    private static string Done(FeedListEdit edit) =>
        edit == FeedListEdit.Add ? "added" : edit == FeedListEdit.Remove ? "removed" : edit == FeedListEdit.Enable ? "enabled" : "disabled";

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("feedharvester feeds: " + message);
        return 1;
    }
}

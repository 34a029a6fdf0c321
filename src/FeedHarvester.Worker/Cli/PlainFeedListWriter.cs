using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Cli;

/// <summary>
/// Writes feeds in the plain list format <see cref="FeedListReader.ReadPlain"/> reads: one URL a line with an optional
/// <c>interval=</c>. That format has no place for a title, category, User-Agent or a disabled flag, so they go into a
/// trailing comment (a disabled feed's whole line is a comment): readable, and nothing is silently dropped.
/// </summary>
internal static class PlainFeedListWriter
{
    public static string Line(FeedDefinition feed)
    {
        var line = feed.Url.AbsoluteUri;
        if (feed.Interval is { } interval)
        {
            line += " interval=" + OpmlWriter.FormatInterval(interval);
        }

        var notes = new List<string>();
        if (feed.Title is not null)
        {
            notes.Add(feed.Title);
        }

        if (feed.Category is not null)
        {
            notes.Add("category: " + feed.Category);
        }

        if (feed.UserAgent is not null)
        {
            notes.Add("userAgent: " + feed.UserAgent);
        }

        if (notes.Count > 0)
        {
            // A comment ends at the line's end, so line breaks inside a title must not survive.
            line += "  # " + string.Join(" | ", notes).ReplaceLineEndings(" ");
        }

        return feed.Enabled ? line : "# disabled: " + line;
    }

    /// <summary>What the plain format cannot carry as an option, for a warning ("" when nothing).</summary>
    public static string LostOptions(FeedDefinition feed)
    {
        var lost = new List<string>();
        if (feed.UserAgent is not null)
        {
            lost.Add("userAgent");
        }

        if (!feed.Enabled)
        {
            lost.Add("enabled=false");
        }

        return string.Join(", ", lost);
    }
}

using FeedHarvester.Html;

namespace FeedHarvester.Parsing;

/// <summary>
/// Bounds the HTML an entry carries (summary, content) before any stage builds a tree of it: HTML nested deeper
/// than <see cref="MarkupLimits.MaxDepth"/> or holding more than <see cref="MarkupLimits.MaxElements"/> elements is
/// kept as its text in one escaped paragraph, and the parse records it, so the feed is logged as recovered once.
/// </summary>
internal static class EntryMarkup
{
    public static IReadOnlyList<ParsedEntry> Bound(IReadOnlyList<ParsedEntry> entries, List<string> errors)
    {
        List<ParsedEntry>? bounded = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var summary = Reduce(entry.Summary, i, entry, "summary", errors);
            var content = Reduce(entry.Content, i, entry, "content", errors);
            if (ReferenceEquals(summary, entry.Summary) && ReferenceEquals(content, entry.Content))
            {
                continue;
            }

            bounded ??= [.. entries];
            bounded[i] = entry with { Summary = summary, Content = content };
        }

        return bounded ?? entries;
    }

    private static string? Reduce(string? html, int index, ParsedEntry entry, string field, List<string> errors)
    {
        if (html is null)
        {
            return null;
        }

        var excess = MarkupCensus.CheckHtml(html);
        if (excess == MarkupExcess.None)
        {
            return html;
        }

        var what = excess == MarkupExcess.TooDeeplyNested
            ? $"too_deeply_nested: its elements nest deeper than {MarkupLimits.MaxDepth} levels"
            : $"too_many_elements: it has more than {MarkupLimits.MaxElements} elements";
        errors.Add($"parse: entry {index + 1} ({entry.Link ?? entry.Id ?? "no link"}) {field} {what}; kept as plain text");
        return MarkupStripper.ToParagraph(html);
    }
}

using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// A raw author value to the authors' names: without the words before them in any language, dates, handles, job
/// titles and organisations; several names as a list. Null when nothing in it is a name.
/// </summary>
internal static class BylineCleaner
{
    private const int MaxRawChars = 300;

    public static IReadOnlyList<string> Names(string? raw, string? siteName = null)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxRawChars)
        {
            return [];
        }

        var text = TitleFinder.Collapse(raw.Replace('\u00a0', ' ')).Trim(' ', ',', ':', '-', '—', '–', '|');
        text = BylineVocabulary.Prefix().Replace(text, "", 1);
        text = BylineVocabulary.Tail().Split(text, 2)[0];
        if (BylineVocabulary.DateOrNumber().Match(text) is { Success: true } date)
        {
            text = text[..date.Index];
        }

        var names = new List<string>();
        foreach (var part in BylineVocabulary.NameSeparator().Split(text))
        {
            var name = BylineVocabulary.Prefix().Replace(part.Trim(' ', '.', ',', ':', '"', '\'', '“', '”'), "", 1).Trim();
            if (names.Count != 0 && IsRole(name))
            {
                break; // "Name, Senior Editor, Organisation": what follows a job title is where the person works
            }

            if (IsName(name, siteName) && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The names joined as the record's author field, or null.</summary>
    public static string? Join(IReadOnlyList<string> names) => names.Count == 0 ? null : string.Join(", ", names);

    /// <summary>A person's name: not a label, a weekday, a handle, a "label: value" pair, an organisation ("The …", the
    /// site's name) or a phrase holding a job title.</summary>
    private static bool IsName(string part, string? siteName)
    {
        if (part.Length < 2 || BylineVocabulary.NotNames.Contains(part) || BylineVocabulary.Weekdays.Contains(part) ||
            part.Contains('@') || part.Contains(':') || part.StartsWith("The ", StringComparison.Ordinal))
        {
            return false;
        }

        if (siteName is not null && string.Equals(part, siteName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= BylineVocabulary.MaxNameWords && !IsRole(part);
    }

    private static bool IsRole(string part) =>
        part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => BylineVocabulary.RoleWords.Contains(w.Trim('.', ',', '(', ')')));
}

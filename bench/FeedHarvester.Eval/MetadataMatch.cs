using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedHarvester.Eval;

/// <summary>
/// The issue's comparison rules for metadata against the ground truth: titles with case and whitespace folded and a
/// trailing site-name segment ignored (on one side, so two different headlines of one site never match), authors with a leading "by" removed (and, when several are
/// named, the same set of names), dates by calendar day.
/// </summary>
public static partial class MetadataMatch
{
    /// <summary>What sets off a trailing " | Site" segment.</summary>
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

    public static bool Title(string truth, string? extracted)
    {
        if (extracted is null)
        {
            return false;
        }

        var t = Fold(truth);
        var e = Fold(extracted);
        return t == e || WithoutTrailingSegment(t) == e || t == WithoutTrailingSegment(e);
    }

    public static bool Author(string truth, string? extracted)
    {
        if (extracted is null)
        {
            return false;
        }

        var t = Fold(LeadingBy().Replace(truth.Trim(), ""));
        var e = Fold(LeadingBy().Replace(extracted.Trim(), ""));
        return t == e || NameSet(t).SetEquals(NameSet(e));
    }

    /// <summary>True when <paramref name="extracted"/> falls on the calendar day the truth names (yyyy-mm-dd first).</summary>
    public static bool Date(string truth, DateTimeOffset? extracted) =>
        extracted is { } date && truth.Length >= 10 &&
        string.Equals(truth[..10], date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Fold(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string WithoutTrailingSegment(string title)
    {
        var at = Separators.Max(s => title.LastIndexOf(s, StringComparison.Ordinal));
        return at > 0 ? title[..at] : title;
    }

    private static HashSet<string> NameSet(string authors) =>
        NameSeparator().Split(authors).Select(n => n.Trim()).Where(n => n.Length != 0).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^by\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*")]
    private static partial Regex NameSeparator();
}

using System.Text.RegularExpressions;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// How a page's title is told apart from what surrounds it: the separators before a site or section name, the marks
/// documentation generators append to headings, and how closely a heading must agree with a declared title.
/// </summary>
internal static partial class TitleVocabulary
{
    /// <summary>What sets off a site or section name from the headline in a declared title.</summary>
    public static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // ", " / ", " • "];

    /// <summary>Permalink marks that documentation generators (Sphinx, MkDocs…) put after a heading's text.</summary>
    public static readonly string[] PermalinkMarks = ["¶", "⁋", "🔗", "⚓", "\uFE0F"];

    /// <summary>Words, for comparing a heading with a declared title.</summary>
    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    public static partial Regex Word();

    /// <summary>
    /// A heading agrees with a declared title when at least this share of its words is in the title and this share of
    /// the title's words is in the heading: "Top 10 Health Trends to Watch" agrees with "Health Trends for 2026", while a
    /// site name ("Arch Linux") does not agree with a title that merely contains it.
    /// </summary>
    public const double MinSharedWords = 0.5;

    /// <summary>
    /// A heading that holds a declared title plus at most this many words before it ("Thread:", a date, a section
    /// label) is that title with a prefix: the declared title is the headline.
    /// </summary>
    public const int MaxPrefixWordsAroundDeclared = 4;

    /// <summary>Trailing site labels cut from a title, one after the other ("Topic / Board / Forum name").</summary>
    public const int MaxLabelsCut = 3;
}

using System.Text.RegularExpressions;

namespace FeedHarvester.Parsing;

/// <summary>Reduces "me@example.com (Jane Doe)" or "Jane Doe &lt;me@example.com&gt;" to the name.</summary>
internal static partial class AuthorName
{
    [GeneratedRegex(@"^\s*\S+@\S+\s*\((?<name>[^)]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^\s*(?<name>[^<]+?)\s*<\s*\S+@\S+\s*>\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^\s*(?<name>[^(]+?)\s*\(\s*\S+@\S+\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenParenthesizedEmail();

    [GeneratedRegex(@"^\s*\((?<name>[^)]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesizedOnly();

    /// <summary>
    /// Longest value the patterns are tried on. "\S+@\S+" backtracks quadratically over a long run without spaces; a
    /// name with an address is far shorter than this, so a longer value is kept as it is.
    /// </summary>
    internal const int MaxPatternLength = 256;

    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxPatternLength)
        {
            return value.Trim();
        }

        foreach (var pattern in new[] { EmailThenName(), NameThenEmail(), NameThenParenthesizedEmail(), ParenthesizedOnly() })
        {
            var match = pattern.Match(value);
            if (match.Success)
            {
                return match.Groups["name"].Value.Trim();
            }
        }

        return value.Trim();
    }
}

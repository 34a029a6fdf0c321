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

    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
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

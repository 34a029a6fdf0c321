using System.Text.RegularExpressions;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Configuration;

/// <summary>
/// Turns the failures of the generated options validator into configuration problems: every message starts with the
/// option's path as the validator names it (<c>FeedHarvester.Fetching.AllowedPrivateHosts[2]</c>, see
/// <see cref="FeedHarvester.Settings.OptionsPath"/>), which is the configuration key with other separators; the value and
/// its source are looked up there.
/// </summary>
internal static partial class ValidationFailures
{
    public static ConfigurationProblem ToProblem(string failure, ConfigurationTree tree)
    {
        var match = PathAndMessage().Match(failure);
        if (!match.Success)
        {
            return new ConfigurationProblem(HarvesterOptions.SectionName, null, failure);
        }

        var key = Index().Replace(match.Groups["path"].Value, ":$1").Replace('.', ':');
        var message = match.Groups["message"].Value.TrimEnd('.');
        var source = tree.SourceOf(key) is { } provider ? SourceNames.Describe(provider, key) : null;
        if (tree.TryGetValue(key, out var value) && value is not null)
        {
            message += $" (got '{UrlCredentials.Redact(value)}')";
        }

        return new ConfigurationProblem(key, source, message);
    }

    // The builder puts the member names first ("Timeout: FeedHarvester.Fetching.Timeout: must be …").
    [GeneratedRegex(@"^(?:[\w, ]+: )?(?<path>FeedHarvester(?:\.\w+|\[\d+\])*): (?<message>.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PathAndMessage();

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Index();
}

using System.ComponentModel.DataAnnotations;

namespace FeedHarvester.Settings;

/// <summary>
/// Where an option sits, for messages: every validation message starts with the option's path, so the worker can name the
/// configuration key. The source-generated validators (<c>[OptionsValidator]</c>) set a member's display name to its path
/// (<c>FeedHarvester.Fetching.Timeout</c>) and, for <see cref="IValidatableObject.Validate"/>, the object's path plus ".Validate".
/// </summary>
public static class OptionsPath
{
    /// <summary>The message format for a required option.</summary>
    public const string MustBeSet = "{0}: must be set";

    private const string ObjectSuffix = ".Validate";

    /// <summary>The path of <paramref name="member"/> of the object <paramref name="context"/> validates.</summary>
    public static string Of(ValidationContext context, string member)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owner = context.DisplayName.EndsWith(ObjectSuffix, StringComparison.Ordinal)
            ? context.DisplayName[..^ObjectSuffix.Length]
            : context.DisplayName;
        return $"{owner}.{member}";
    }

    /// <summary>A cross-field or format error about <paramref name="member"/>: "path: message".</summary>
    public static ValidationResult Error(ValidationContext context, string member, string message) =>
        new($"{Of(context, member)}: {message}", [member]);

    /// <summary>The same for one element of a list option (<c>AllowedPrivateHosts[2]</c>).</summary>
    public static ValidationResult Error(ValidationContext context, string member, int index, string message) =>
        new($"{Of(context, member)}[{index}]: {message}", [member]);
}

using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// One concept's words (consent, teasers, ads…) matched against an element's class and id.
/// <see cref="Fragments"/> match anywhere ("newsletter" in "inline-newsletterSignup"); <see cref="Tokens"/> only
/// as a whole hyphen/underscore-delimited token, for words too short to match safely inside others ("ad", "nav").
/// </summary>
public sealed class VocabularyGroup
{
    private readonly Regex _matcher;

    private VocabularyGroup(string name, FrozenSet<string> fragments, FrozenSet<string> tokens, Regex matcher)
    {
        Name = name;
        Fragments = fragments;
        Tokens = tokens;
        _matcher = matcher;
    }

    public string Name { get; }
    public FrozenSet<string> Fragments { get; }
    public FrozenSet<string> Tokens { get; }

    /// <summary>True when any word of the group occurs in <paramref name="classAndId"/> (lower-cased or not).</summary>
    public bool IsMatch(string classAndId) => classAndId.Length != 0 && _matcher.IsMatch(classAndId);

    /// <summary>
    /// Builds a group; refuses an empty one because an empty alternation would match every element
    /// and silently delete the page.
    /// </summary>
    public static VocabularyGroup Build(string name, string[] fragments, string[]? tokens = null)
    {
        tokens ??= [];
        if (fragments.Length == 0 && tokens.Length == 0)
        {
            throw new ArgumentException($"Vocabulary group '{name}' is empty; it would match everything.", nameof(fragments));
        }

        if (fragments.Concat(tokens).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Vocabulary group '{name}' has a blank word; it would match everything.", nameof(fragments));
        }

        var pattern = new StringBuilder();
        if (fragments.Length != 0)
        {
            _ = pattern.Append("(?:").AppendJoin('|', fragments.Select(Regex.Escape)).Append(')');
        }

        if (tokens.Length != 0)
        {
            _ = pattern.Append(pattern.Length == 0 ? "" : "|")
                .Append("(?<![a-z0-9])(?:").AppendJoin('|', tokens.Select(Regex.Escape)).Append(")(?![a-z0-9])");
        }

        // Compiled once per process: groups are static data matched against every element of every page.
        var regex = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        return new VocabularyGroup(name, fragments.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            tokens.ToFrozenSet(StringComparer.OrdinalIgnoreCase), regex);
    }

    public override string ToString() => Name;
}

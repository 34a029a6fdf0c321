using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHarvester.Extraction.Heuristics;

/// <summary>
/// One concept's words (consent, teasers, ads…) matched against an element's class and id.
/// <see cref="Fragments"/> match anywhere ("newsletter" in "inline-newsletterSignup"); <see cref="Tokens"/> only
/// as a whole hyphen/underscore-delimited token, for words too short to match safely inside others ("ad", "nav").
/// A boilerplate group also says what removing an element it names means (<see cref="Reason"/>,
/// <see cref="InEveryPass"/>, <see cref="EvenWhenMostOfPage"/>), so a new concept is written in one place.
/// </summary>
internal sealed class VocabularyGroup
{
    /// <summary>Groups built so far; each gets the next bit of a 64-bit match set.</summary>
    private static int BuiltCount;

    private readonly Regex _matcher;

    private VocabularyGroup(string name, FrozenSet<string> fragments, FrozenSet<string> tokens, Regex matcher, Removal removal)
    {
        Name = name;
        Fragments = fragments;
        Tokens = tokens;
        _matcher = matcher;
        (Reason, InEveryPass, EvenWhenMostOfPage, IsItems, IsDiscussion) = removal;
        var index = Interlocked.Increment(ref BuiltCount) - 1;
        Bit = index < 64
            ? 1UL << index
            : throw new InvalidOperationException("More than 64 vocabulary groups: a match set holds one bit per group.");
    }

    public string Name { get; }
    public FrozenSet<string> Fragments { get; }
    public FrozenSet<string> Tokens { get; }

    /// <summary>
    /// What the first pass records when it removes an element this group names as furniture: the group's own reason,
    /// or <see cref="RemovalReason.UnlikelyCandidate"/> for furniture of no more specific kind.
    /// </summary>
    public RemovalReason Reason { get; }

    /// <summary>
    /// Removed in every pass, also once the relaxed passes no longer remove furniture by name: what it names is never
    /// the article (a consent banner; a comment thread under a short post).
    /// </summary>
    public bool InEveryPass { get; }

    /// <summary>
    /// Removed even when it holds most of the page's text, which otherwise marks the article under an unlucky name:
    /// a comment thread can outweigh the article. Only article-body markup inside it keeps it.
    /// </summary>
    public bool EvenWhenMostOfPage { get; }

    /// <summary>
    /// Names what, on a page whose main content is spread over it, is that content: a thread's posts, a listing's
    /// teasers. The main-region reading keeps it.
    /// </summary>
    public bool IsItems { get; }

    /// <summary>
    /// Names a discussion (comments, replies): the main content of a page that declares itself a thread or a list
    /// of posts, kept by the main-region reading there; elsewhere the talk under an article.
    /// </summary>
    public bool IsDiscussion { get; }

    /// <summary>This group's bit in a set of matches.</summary>
    internal ulong Bit { get; }

    /// <summary>True when any word of the group occurs in <paramref name="classAndId"/> (lower-cased or not).</summary>
    public bool IsMatch(string classAndId) => classAndId.Length != 0 && _matcher.IsMatch(classAndId);

    /// <summary>
    /// Builds a group; refuses an empty one because an empty alternation would match every element
    /// and silently delete the page. <paramref name="reason"/>, <paramref name="inEveryPass"/> and
    /// <paramref name="evenWhenMostOfPage"/>, <paramref name="isItems"/> and <paramref name="isDiscussion"/> matter for boilerplate groups only.
    /// </summary>
    public static VocabularyGroup Build(string name, string[] fragments, string[]? tokens = null,
        RemovalReason reason = RemovalReason.UnlikelyCandidate, bool inEveryPass = false, bool evenWhenMostOfPage = false,
        bool isItems = false, bool isDiscussion = false)
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
            tokens.ToFrozenSet(StringComparer.OrdinalIgnoreCase), regex, new Removal(reason, inEveryPass, evenWhenMostOfPage, isItems, isDiscussion));
    }

    public override string ToString() => Name;

    private readonly record struct Removal(RemovalReason Reason, bool InEveryPass, bool EvenWhenMostOfPage, bool IsItems, bool IsDiscussion);
}

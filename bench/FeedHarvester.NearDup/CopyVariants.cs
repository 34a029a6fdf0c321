using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FeedHarvester.NearDup;

/// <summary>
/// The ways a syndicated copy differs from the original on another site, as functions of the original text, and their
/// usual combinations. Each is one story with its original: a positive pair.
/// </summary>
public static partial class CopyVariants
{
    /// <summary>A typical outlet's closing paragraph (41 words), appended to different stories to make hard negatives.</summary>
    public const string Boilerplate =
        "The Kettlewick Courier is an independent, reader-funded newsroom covering Kettlewick and the Wend valley since 1894. " +
        "Sign up to our free morning newsletter for the day's local headlines, road closures and weather warnings, " +
        "delivered to your inbox before 7am.";

    private const string Related = "\n\nRelated\n\nCouncil approves emergency storm fund for flooded homes\n\n" +
        "Thousands left without power as gales hit hill villages\n\nWhy the flood wall is still not built\n\n" +
        "Rail line reopens after tree falls near the bridge";

    private const string Republished = "\n\nThis article was first published by the Kettlewick Courier and is republished here with permission.";

    private static readonly string[] Replacements = ["several", "officials", "reportedly", "later", "nearly", "local", "again", "still"];

    public static readonly IReadOnlyList<(string Name, Func<string, string> Make)> Single =
    [
        ("tagline", text => "WASHINGTON (AP) —\n\n" + text),
        ("byline", text => "By Jane Doe, Associated Press\n\n" + text),
        ("title case", text => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text)),
        ("related block", text => text + Related),
        ("edited sentences", text => EditSentences(text, sentences: 4)),
        ("republication line", text => text + Republished),
    ];

    public static readonly IReadOnlyList<(string Name, Func<string, string> Make)> Combined =
    [
        ("tagline+byline+republication", text => Apply(text, "tagline", "byline", "republication line")),
        ("all but edits", text => Apply(text, "tagline", "byline", "title case", "related block", "republication line")),
        ("all", text => Apply(text, [.. Single.Select(v => v.Name)])),
    ];

    public static IEnumerable<(string Name, Func<string, string> Make)> All => Single.Concat(Combined);

    private static string Apply(string text, params string[] names) =>
        names.Aggregate(text, (current, name) => Single.First(v => v.Name == name).Make(current));

    /// <summary>
    /// Copy-edits <paramref name="sentences"/> sentences spread over the text (of those with 8 words or more): two words
    /// of each, a third and two thirds of the way in, are replaced, as a sub-editor changes a figure or a verb.
    /// </summary>
    public static string EditSentences(string text, int sentences)
    {
        var candidates = SentencePattern().Matches(text).Where(s => FixtureTexts.WordPattern().Count(s.Value) >= 8).ToList();
        var chosen = Enumerable.Range(0, Math.Min(sentences, candidates.Count))
            .Select(i => candidates[(int)((i + 0.5) * candidates.Count / Math.Min(sentences, candidates.Count))])
            .ToList();
        var edits = new List<(int Index, int Length, string Word)>();
        foreach (var sentence in chosen)
        {
            var words = FixtureTexts.WordPattern().Matches(sentence.Value);
            foreach (var at in new[] { words.Count / 3, 2 * words.Count / 3 })
            {
                var word = Replacements[edits.Count % Replacements.Length];
                edits.Add((sentence.Index + words[at].Index, words[at].Length, word));
            }
        }

        var edited = new StringBuilder(text);
        foreach (var (index, length, word) in edits.OrderByDescending(e => e.Index))
        {
            _ = edited.Remove(index, length).Insert(index, word);
        }

        return edited.ToString();
    }

    [GeneratedRegex(@"[^.!?\n]+[.!?]*")]
    private static partial Regex SentencePattern();
}

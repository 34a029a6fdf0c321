using System.Text.RegularExpressions;
using FeedHarvester.Deduplication;

namespace FeedHarvester.NearDup;

/// <summary>One text of the project's own fixtures, and its hand-edited copy when there is one.</summary>
public sealed record FixtureText(string Name, string Text, string? EditedCopy);

/// <summary>
/// The project's own article texts: the stories of the near-duplicate tests (TestData/stories; "x.edited.txt" is a
/// hand-edited copy of "x.txt") and the distinct expected bodies of the golden extraction pages
/// (TestData/pages/*/expected.txt).
/// </summary>
public static partial class FixtureTexts
{
    /// <summary>The harvester's default word floor for content keys and signatures.</summary>
    public static readonly int MinWords = new DeduplicationOptions().MinWordsForContentKey;

    public static List<FixtureText> Load()
    {
        var texts = new List<FixtureText>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Stories(), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!name.EndsWith(".edited", StringComparison.Ordinal))
            {
                var edited = Path.ChangeExtension(file, ".edited.txt");
                texts.Add(new FixtureText(name, File.ReadAllText(file), File.Exists(edited) ? File.ReadAllText(edited) : null));
            }
        }

        // Several golden pages set different traps around one story: it is one text, or its copies would count as
        // different stories that match.
        var seen = new HashSet<string>(texts.Select(t => t.Text), StringComparer.Ordinal);
        foreach (var dir in Directory.GetDirectories(RepositoryPaths.GoldenPages()).Order(StringComparer.Ordinal))
        {
            var expected = Path.Combine(dir, "expected.txt");
            var text = File.Exists(expected) ? File.ReadAllText(expected) : "";
            if (WordCount(text) >= MinWords && seen.Add(text))
            {
                texts.Add(new FixtureText("page:" + Path.GetFileName(dir), text, null));
            }
        }

        return texts;
    }

    public static int WordCount(string text) => WordPattern().Count(text);

    /// <summary>The first <paramref name="count"/> words of <paramref name="text"/> (all of it when shorter).</summary>
    public static string FirstWords(string text, int count)
    {
        var words = WordPattern().Matches(text);
        return count >= words.Count ? text : text[..(words[count - 1].Index + words[count - 1].Length)];
    }

    [GeneratedRegex(@"\w+")]
    internal static partial Regex WordPattern();
}

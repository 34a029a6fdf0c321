using System.Text;
using System.Text.RegularExpressions;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;

namespace FeedHarvester.Local.Tests;

/// <summary>
/// Deterministic stories of made-up words and their syndicated copies (another tagline, a few edited words, a trailing
/// "Related" paragraph), with the articles and keys a claim of them takes.
/// </summary>
internal static partial class StoryTexts
{
    private static readonly string[] Syllables = BuildSyllables();

    /// <summary>A story of about <paramref name="words"/> words in sentences and paragraphs; the same seed, the same text.</summary>
    public static string Story(int seed, int words)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var written = 0;
        for (var sentence = 1; written < words; sentence++)
        {
            var length = Math.Min(random.Next(8, 16), words - written);
            _ = text.Append(Sentence(random, length)).Append(sentence % 4 == 0 ? "\n\n" : " ");
            written += length;
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// A copy as another site runs it: a tagline of its own on top, <paramref name="editedWords"/> words replaced spread
    /// over the text, and a "Related" paragraph at the end; different variants differ in all three.
    /// </summary>
    public static string Copy(string story, int variant, int editedWords = 3)
    {
        var random = new Random(1_000_003 * (variant + 1));
        var tokens = story.Split(' ');
        for (var i = 1; i <= editedWords; i++)
        {
            var at = i * tokens.Length / (editedWords + 1);
            while (tokens[at].Contains('\n', StringComparison.Ordinal))
            {
                at++;
            }

            tokens[at] = Word(random) + TrailingPunctuation().Match(tokens[at]).Value;
        }

        return $"By {Word(random)} {Word(random)}, {Word(random)} Wire Service\n\n{string.Join(' ', tokens)}\n\n" +
            $"Related: {Sentence(random, 8)}";
    }

    public static Article Article(string name, string site, string text)
    {
        var url = $"https://{site}.example/news/{name}";
        return new Article
        {
            Id = $"{site}-{name}",
            StoryId = $"{site}-{name}",
            Url = url,
            CanonicalUrl = url,
            FeedUrl = $"https://{site}.example/feed.xml",
            Guid = url,
            Title = $"Story {name}",
            Published = new DateTimeOffset(2025, 6, 2, 12, 0, 0, TimeSpan.Zero),
            ContentHtml = "<p>" + text.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>",
            ContentText = text,
            FetchedAt = new DateTimeOffset(2025, 6, 2, 13, 0, 0, TimeSpan.Zero),
            Extraction = new ExtractionInfo(ExtractionInfo.PageMethod, "readability", WordPattern().Count(text)),
        };
    }

    /// <summary>The keys the pipeline would claim the article with, near-duplicate check included.</summary>
    public static DedupeKeys KeysOf(Article article, NearDuplicatePolicy policy = NearDuplicatePolicy.Link) =>
        new DedupeKeyBuilder(new DeduplicationOptions { NearDuplicates = policy }).For(article);

    private static string Sentence(Random random, int words)
    {
        var sentence = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private static string Word(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));

    private static string[] BuildSyllables() =>
        "bcdfghklmnprstvz".SelectMany(consonant => "aeiou".Select(vowel => $"{consonant}{vowel}")).ToArray();

    [GeneratedRegex(@"\W*$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}

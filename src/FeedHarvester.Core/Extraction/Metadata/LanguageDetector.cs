using System.Globalization;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// Guesses the language of a text from its function words (<see cref="StopWords"/>): only for pages that declare
/// none, and only when the evidence is clear; otherwise null, since a wrong tag is worse than none.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Fewer words than this is a caption or a title: too little to tell.</summary>
    public const int MinWords = 20;

    /// <summary>Function words are a quarter to a half of running prose; under this share the text is not in any listed language.</summary>
    public const double MinHitShare = 0.08;

    /// <summary>The winner needs this many times the runner-up's hits, so closely related texts stay undecided.</summary>
    public const double MinLeadRatio = 2.0;

    /// <summary>Words looked at; the start of a long article says as much as all of it.</summary>
    private const int MaxWords = 2000;

    public static string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = 0;
        foreach (var word in Words(text))
        {
            if (++words > MaxWords)
            {
                break;
            }

            foreach (var (language, set) in StopWords.ByLanguage)
            {
                if (set.Contains(word))
                {
                    hits[language] = hits.GetValueOrDefault(language) + 1;
                }
            }
        }

        return Decide(hits, Math.Min(words, MaxWords));
    }

    private static string? Decide(Dictionary<string, int> hits, int words)
    {
        if (words < MinWords || hits.Count == 0)
        {
            return null;
        }

        var ranked = hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).ToList();
        var best = ranked[0];
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        return best.Value >= words * MinHitShare && best.Value >= second * MinLeadRatio ? best.Key : null;
    }

    /// <summary>Lower-cased runs of letters (apostrophes split words, as "l'homme" is "l" and "homme").</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLower(CultureInfo.InvariantCulture);
                start = -1;
            }
        }
    }
}

using System.Text.RegularExpressions;

namespace FeedHarvester.Eval;

/// <summary>
/// What a page got wrong, in words a reader can check: sentences of the truth whose shingles the prediction
/// mostly lacks (missed), and sentences of the prediction mostly absent from the truth (extra).
/// </summary>
public static partial class SentenceDiff
{
    /// <summary>A sentence counts as missing from the other side when at least this share of its shingles is.</summary>
    private const double MissingShare = 0.5;

    private const int MaxSampleChars = 110;

    /// <summary>Shorter pieces ("U.S.", "Dec.") are cut out of a sentence by abbreviations, not missed text.</summary>
    private const int MinSentenceTokens = 6;

    public static (List<string> Missed, List<string> Extra) Compare(string truth, string prediction, int samples)
    {
        var truthShingles = ShingleMetric.Shingles(PythonWordTokenizer.Tokenize(truth));
        var predShingles = ShingleMetric.Shingles(PythonWordTokenizer.Tokenize(prediction));
        return (Absent(truth, predShingles, samples), Absent(prediction, truthShingles, samples));
    }

    private static List<string> Absent(string text, Dictionary<string, int> other, int samples)
    {
        var found = new List<string>();
        foreach (var sentence in SentenceBreak().Split(text))
        {
            var tokens = PythonWordTokenizer.Tokenize(sentence);
            var shingles = ShingleMetric.Shingles(tokens);
            if (tokens.Count < MinSentenceTokens)
            {
                continue;
            }

            var missing = shingles.Keys.Count(k => !other.ContainsKey(k));
            if (missing >= shingles.Count * MissingShare)
            {
                var trimmed = sentence.Trim();
                found.Add(trimmed.Length <= MaxSampleChars ? trimmed : trimmed[..MaxSampleChars] + "…");
                if (found.Count == samples)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Line breaks, or sentence-ending punctuation followed by space.</summary>
    [GeneratedRegex(@"\n+|(?<=[.!?。])\s+")]
    private static partial Regex SentenceBreak();
}

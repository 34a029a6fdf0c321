using System.Globalization;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.NearDup;

/// <summary>
/// `fixtures [--threshold X] [--show N]`: near-duplicate pairs built from the project's own texts. Positives are each text
/// against its copies (<see cref="CopyVariants"/>, and a hand-edited copy where one exists); negatives are every pair of
/// different texts, as they are and with one outlet's closing paragraph added to both. A pair is called one story as a
/// claim calls it: the two signatures share a band key and their similarity reaches the threshold.
/// </summary>
public static class FixturesCommand
{
    private static readonly int[] SweepLengths = [50, 60, 75, 100, 125, 150, 200, 300];

    private sealed record Pair(string Family, string Label, double Similarity, bool SharesBand, bool Positive)
    {
        public bool Predicted(double threshold) => SharesBand && Similarity >= threshold;
    }

    public static int Run(double threshold, int show)
    {
        var texts = FixtureTexts.Load();
        var inv = CultureInfo.InvariantCulture;
        var stories = texts.Count(t => !t.Name.StartsWith("page:", StringComparison.Ordinal));
        Console.WriteLine(string.Create(inv,
            $"texts      {texts.Count} ({stories} stories, {texts.Count - stories} golden pages; {texts.Min(t => FixtureTexts.WordCount(t.Text))}–{texts.Max(t => FixtureTexts.WordCount(t.Text))} words), threshold {threshold:F3}"));

        var pairs = Positives(texts).Concat(Negatives(texts)).ToList();
        var positives = pairs.Where(p => p.Positive).ToList();
        var negatives = pairs.Where(p => !p.Positive).ToList();
        var truePositives = positives.Count(p => p.Predicted(threshold));
        var falsePositives = negatives.Count(p => p.Predicted(threshold));
        Console.WriteLine($"pairs      {positives.Count} positive, {negatives.Count} negative");
        new PairScore(truePositives, falsePositives, positives.Count - truePositives).Print();
        Console.WriteLine(string.Create(inv,
            $"margin     lowest positive {positives.Min(p => p.Similarity):F3} ({positives.Min(p => p.Similarity) - threshold:+0.000;-0.000} from the threshold), " +
            $"highest negative {negatives.Max(p => p.Similarity):F3} ({negatives.Max(p => p.Similarity) - threshold:+0.000;-0.000})"));

        Console.WriteLine();
        Console.WriteLine("family                                     pairs    min   mean    max  missed  no shared band");
        foreach (var family in pairs.GroupBy(p => (p.Positive, p.Family)).OrderByDescending(g => g.Key.Positive))
        {
            var wrong = family.Count(p => p.Predicted(threshold) != p.Positive);
            Console.WriteLine(string.Create(inv,
                $"{(family.Key.Positive ? "+ " : "- ") + family.Key.Family,-40} {family.Count(),6} {family.Min(p => p.Similarity),6:F3} {family.Average(p => p.Similarity),6:F3} {family.Max(p => p.Similarity),6:F3} {wrong,7} {family.Count(p => !p.SharesBand),15}"));
        }

        PrintWrong("missed positive", positives.Where(p => !p.Predicted(threshold)).OrderBy(p => p.Similarity), show);
        PrintWrong("false positive", negatives.Where(p => p.Predicted(threshold)).OrderByDescending(p => p.Similarity), show);
        Sweep(texts, threshold);
        return 0;
    }

    private static IEnumerable<Pair> Positives(List<FixtureText> texts)
    {
        foreach (var text in texts)
        {
            var original = Sign(text.Text);
            foreach (var (name, make) in CopyVariants.All)
            {
                yield return Compare(name, text.Name, original, make(text.Text), positive: true);
            }

            if (text.EditedCopy is { } edited)
            {
                yield return Compare("hand-edited copy", text.Name, original, edited, positive: true);
                yield return Compare("hand-edited copy, all but edits", text.Name, original,
                    CopyVariants.Combined.First(v => v.Name == "all but edits").Make(edited), positive: true);
            }
        }
    }

    private static IEnumerable<Pair> Negatives(List<FixtureText> texts)
    {
        var withBoilerplate = texts
            .Where(t => !t.Text.Contains(CopyVariants.Boilerplate, StringComparison.Ordinal))
            .Select(t => t with { Text = t.Text + "\n\n" + CopyVariants.Boilerplate })
            .ToList();
        foreach (var (family, set) in new[] { ("different texts", texts), ("different texts + one closing paragraph", withBoilerplate) })
        {
            var signatures = set.Select(t => Sign(t.Text)).ToList();
            for (var i = 0; i < set.Count; i++)
            {
                for (var j = i + 1; j < set.Count; j++)
                {
                    yield return Compare(family, $"{set[i].Name} / {set[j].Name}", signatures[i], signatures[j], positive: false);
                }
            }
        }
    }

    private static Pair Compare(string family, string label, StorySignature original, string copy, bool positive) =>
        Compare(family, label, original, Sign(copy), positive);

    private static Pair Compare(string family, string label, StorySignature first, StorySignature second, bool positive) =>
        new(family, label, first.Similarity(second), first.BandKeys().Intersect(second.BandKeys()).Any(), positive);

    private static StorySignature Sign(string text) =>
        StorySignatureBuilder.TryBuild(text, FixtureTexts.MinWords) ?? throw new InvalidOperationException("A fixture text under the word floor.");

    private static void PrintWrong(string label, IEnumerable<Pair> pairs, int show)
    {
        foreach (var pair in pairs.Take(show))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {pair.Family}, {pair.Label}: {pair.Similarity:F3}{(pair.SharesBand ? "" : ", no shared band")}"));
        }
    }

    /// <summary>
    /// The word floor's margin: every text cut to N words, the last 41 of them the shared closing paragraph. Negatives are
    /// pairs of different texts; positives are each cut text against its copy with tagline, byline and republication line,
    /// and against its copy with four edited sentences.
    /// </summary>
    private static void Sweep(List<FixtureText> texts, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        var boilerplateWords = FixtureTexts.WordCount(CopyVariants.Boilerplate);
        Console.WriteLine();
        Console.WriteLine($"short texts: each text's first N-{boilerplateWords} words + the same {boilerplateWords}-word closing paragraph");
        Console.WriteLine("    N  texts  negatives: max  over   syndication copy: min  under   edited copy: min  under");
        foreach (var length in SweepLengths.Where(n => n > boilerplateWords))
        {
            var cut = texts
                .Where(t => FixtureTexts.WordCount(t.Text) >= length - boilerplateWords)
                .Select(t => FixtureTexts.FirstWords(t.Text.Replace(CopyVariants.Boilerplate, "", StringComparison.Ordinal), length - boilerplateWords)
                    + "\n\n" + CopyVariants.Boilerplate)
                .ToList();
            var signatures = cut.Select(Sign).ToList();
            var negatives = new List<Pair>();
            for (var i = 0; i < cut.Count; i++)
            {
                for (var j = i + 1; j < cut.Count; j++)
                {
                    negatives.Add(Compare("", "", signatures[i], signatures[j], positive: false));
                }
            }

            var syndicated = cut.Select((t, i) => Compare("", "", signatures[i], CopyVariants.Combined[0].Make(t), positive: true)).ToList();
            var edited = cut.Select((t, i) => Compare("", "", signatures[i], CopyVariants.EditSentences(t, 4), positive: true)).ToList();
            Console.WriteLine(string.Create(inv,
                $"{length,5} {cut.Count,6} {negatives.Max(p => p.Similarity),15:F3} {negatives.Count(p => p.Predicted(threshold)),5} {syndicated.Min(p => p.Similarity),23:F3} {syndicated.Count(p => !p.Predicted(threshold)),6} {edited.Min(p => p.Similarity),18:F3} {edited.Count(p => !p.Predicted(threshold)),6}"));
        }
    }
}

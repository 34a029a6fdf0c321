using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.NearDup;

/// <summary>
/// `simulate --truth DIR/truth.jsonl [--out FILE] [--threshold X]`: what the link policy would emit with perfect extraction
/// and a store that follows the claim rules (band buckets of the most recent <see cref="MinHashTuning.MaxArticlesPerBucket"/>
/// articles, best candidate at or above the threshold), over the truth bodies in truth.jsonl order; then scores it as
/// `pairs` does. A harvest scoring below this lost pairs in extraction or in its store, not in the detector.
/// </summary>
public static class SimulateCommand
{
    public static int Run(string truthPath, string? outPath, double threshold)
    {
        var (truth, _) = TruthArticle.Load(truthPath);
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var indexed = new List<(string Id, string StoryId, StorySignature Signature, string TruthStory)>();
        var (sameStory, otherStory) = (new List<double>(), new List<double>());
        outPath ??= Path.Combine(Path.GetTempPath(), $"neardup-simulated-{Environment.ProcessId}.jsonl");
        var linked = 0;
        using (var output = new StreamWriter(outPath, append: false, new UTF8Encoding(false)))
        {
            foreach (var article in truth)
            {
                var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Url)).AsSpan(0, 8));
                var (storyId, duplicateOf) = (id, (string?)null);
                if (StorySignatureBuilder.TryBuild(article.Body, FixtureTexts.MinWords) is { } signature)
                {
                    var check = NearDuplicateCheck.For(signature, threshold, NearDuplicatePolicy.Link);
                    var found = check.BandKeys.SelectMany(key => buckets.GetValueOrDefault(key) ?? []).Distinct().ToList();
                    foreach (var i in found)
                    {
                        (indexed[i].TruthStory == article.Story ? sameStory : otherStory).Add(signature.Similarity(indexed[i].Signature));
                    }

                    var candidates = found.Select(i => new StoryCandidate(indexed[i].Id, indexed[i].StoryId, indexed[i].Signature));
                    if (StoryMatcher.BestMatch(check, candidates) is { } link)
                    {
                        (storyId, duplicateOf) = (link.StoryId, link.DuplicateOf);
                        linked++;
                    }

                    Index(buckets, check.BandKeys, indexed.Count);
                    indexed.Add((id, storyId, signature, article.Story));
                }

                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
                {
                    ["url"] = article.Url,
                    ["id"] = id,
                    ["story_id"] = storyId,
                    ["duplicate_of"] = duplicateOf,
                    ["title"] = article.Title,
                }));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulated  {truth.Count} articles in truth order, {indexed.Count} with a signature, {linked} linked at threshold {threshold:F3}; written to {outPath}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"candidates {sameStory.Count} of the same story (lowest similarity {(sameStory.Count == 0 ? double.NaN : sameStory.Min()):F3}), " +
            $"{otherStory.Count} of another story (highest {(otherStory.Count == 0 ? double.NaN : otherStory.Max()):F3})"));
        return PairsCommand.Run(truthPath, outPath);
    }

    /// <summary>Adds the article to each of its buckets, keeping only the most recent ones as the stores do.</summary>
    private static void Index(Dictionary<string, List<int>> buckets, IReadOnlyList<string> keys, int article)
    {
        foreach (var key in keys)
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = [];
            }

            bucket.Add(article);
            if (bucket.Count > MinHashTuning.MaxArticlesPerBucket)
            {
                bucket.RemoveAt(0);
            }
        }
    }
}

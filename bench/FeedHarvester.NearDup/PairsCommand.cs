using System.Globalization;
using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.NearDup;

/// <summary>
/// `pairs --truth DIR/truth.jsonl --emitted FILE`: how well the emitted story_id groups syndicated copies. A true pair is
/// two emitted articles (distinct URLs) whose truth records share a story; a predicted pair is two emitted articles that
/// share a story_id.
/// </summary>
public static class PairsCommand
{
    private const int Examples = 5;

    /// <summary>One emitted article (the first record for its URL) and what truth says about it.</summary>
    private sealed record Node(string Key, string StoryId, TruthArticle? Truth, string Title);

    public static int Run(string truthPath, string emittedPath)
    {
        var (truth, byUrl) = TruthArticle.Load(truthPath);
        var (records, unreadable) = EmittedRecords.Read(emittedPath);
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var (noUrl, noStoryId, repeats, unmatched) = (0, 0, 0, 0);
        var references = new List<(string Field, string Value, string Url)>();
        foreach (var record in records)
        {
            var url = EmittedRecords.Field(record, EmittedRecords.UrlFields);
            var id = EmittedRecords.Field(record, "id");
            if (id is not null)
            {
                _ = ids.Add(id);
            }

            if (url is null)
            {
                noUrl++;
                continue;
            }

            var storyId = EmittedRecords.Field(record, "story_id", "storyId");
            noStoryId += storyId is null ? 1 : 0;
            if (EmittedRecords.Field(record, "duplicate_of", "duplicateOf") is { } duplicateOf)
            {
                references.Add(("duplicate_of", duplicateOf, url));
            }

            if (storyId is not null && storyId != id)
            {
                references.Add(("story_id", storyId, url));
            }

            var article = byUrl.GetValueOrDefault(FarmUrl.Normalize(url));
            var key = article is null ? FarmUrl.Normalize(url) : FarmUrl.Normalize(article.Url);
            unmatched += article is null && !nodes.ContainsKey(key) ? 1 : 0;
            if (!nodes.TryAdd(key, new Node(key, storyId ?? id ?? key, article, article?.Title ?? EmittedRecords.Field(record, "title") ?? "")))
            {
                repeats++;
            }
        }

        var score = Score(nodes.Values);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"records    {records.Count} read ({unreadable} unreadable lines, {noUrl} without a URL, {noStoryId} without story_id)"));
        Console.WriteLine(string.Create(inv,
            $"articles   {nodes.Count} distinct URLs emitted ({nodes.Count - unmatched} in truth, {unmatched} not in truth; {repeats} records repeated a URL); truth has {truth.Count}"));
        score.Print();
        PrintMissing(truth, nodes.Values);
        PrintStoryChecks(nodes.Values, references, ids);
        PrintExamples("false positive", FalsePositives(nodes.Values));
        PrintExamples("false negative", FalseNegatives(nodes.Values));
        return 0;
    }

    private static PairScore Score(IEnumerable<Node> nodes)
    {
        var list = nodes.ToList();
        var truePairs = Pairs(list.Where(n => n.Truth is not null).GroupBy(n => n.Truth!.Story));
        var predictedPairs = Pairs(list.GroupBy(n => n.StoryId));
        var both = Pairs(list.Where(n => n.Truth is not null).GroupBy(n => (n.Truth!.Story, n.StoryId)));
        return new PairScore(both, predictedPairs - both, truePairs - both);
    }

    private static long Pairs<TKey>(IEnumerable<IGrouping<TKey, Node>> groups) =>
        groups.Sum(g => (long)g.Count() * (g.Count() - 1) / 2);

    /// <summary>
    /// Truth articles never emitted, split into copies of a story that was emitted (what the drop policy leaves out on
    /// purpose) and articles whose story was not emitted at all (lost).
    /// </summary>
    private static void PrintMissing(List<TruthArticle> truth, IEnumerable<Node> nodes)
    {
        var emitted = nodes.Where(n => n.Truth is not null).Select(n => FarmUrl.Normalize(n.Truth!.Url)).ToHashSet(StringComparer.Ordinal);
        var emittedStories = nodes.Where(n => n.Truth is not null).Select(n => n.Truth!.Story).ToHashSet(StringComparer.Ordinal);
        var missing = truth.Where(t => !emitted.Contains(FarmUrl.Normalize(t.Url))).ToList();
        var copies = missing.Count(t => emittedStories.Contains(t.Story));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"not emitted {missing.Count} truth articles: {copies} copies of a story emitted, {missing.Count - copies} of a story never emitted"));
    }

    private static void PrintStoryChecks(IEnumerable<Node> nodes, List<(string Field, string Value, string Url)> references, HashSet<string> ids)
    {
        var repeated = nodes.Where(n => n.Truth is not null).GroupBy(n => n.Truth!.Story).Where(g => g.Count() > 1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stories emitted more than once: {repeated.Count} ({repeated.Sum(g => g.Count() - 1)} extra copies; 0 expected under the drop policy)"));
        foreach (var field in new[] { "duplicate_of", "story_id" })
        {
            var all = references.Where(r => r.Field == field).ToList();
            var dangling = all.Where(r => !ids.Contains(r.Value)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{field} set (other than the record's own id): {all.Count}; naming an id never emitted: {dangling.Count}"));
            foreach (var (_, value, url) in dangling.Take(Examples))
            {
                Console.WriteLine($"  {field} {value} on {url}");
            }
        }
    }

    /// <summary>Predicted pairs whose articles are not one story in truth (or not in truth at all).</summary>
    private static IEnumerable<(Node, Node)> FalsePositives(IEnumerable<Node> nodes) =>
        from g in nodes.GroupBy(n => n.StoryId)
        from pair in PairsWithin(g.ToList())
        where pair.Item1.Truth is null || pair.Item2.Truth is null || pair.Item1.Truth.Story != pair.Item2.Truth.Story
        select pair;

    /// <summary>True pairs the output did not give one story_id.</summary>
    private static IEnumerable<(Node, Node)> FalseNegatives(IEnumerable<Node> nodes) =>
        from g in nodes.Where(n => n.Truth is not null).GroupBy(n => n.Truth!.Story)
        from pair in PairsWithin(g.ToList())
        where pair.Item1.StoryId != pair.Item2.StoryId
        select pair;

    private static IEnumerable<(Node, Node)> PairsWithin(List<Node> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                yield return (group[i], group[j]);
            }
        }
    }

    /// <summary>
    /// Up to five pairs, each with the similarity of the two truth bodies: a false negative above the threshold is the
    /// store's miss (no shared band, or not indexed), one below it is the detector's.
    /// </summary>
    private static void PrintExamples(string label, IEnumerable<(Node, Node)> pairs)
    {
        foreach (var (a, b) in pairs.Take(Examples))
        {
            Console.WriteLine($"  {label}: {Describe(a)}");
            Console.WriteLine($"      and {Describe(b)}; truth bodies' similarity {BodySimilarity(a, b)}");
        }
    }

    private static string Describe(Node node) =>
        $"\"{node.Title}\" {node.Key} (story_id {node.StoryId}, truth {node.Truth?.Story ?? "none"})";

    private static string BodySimilarity(Node a, Node b)
    {
        var first = a.Truth is null ? null : StorySignatureBuilder.TryBuild(a.Truth.Body, FixtureTexts.MinWords);
        var second = b.Truth is null ? null : StorySignatureBuilder.TryBuild(b.Truth.Body, FixtureTexts.MinWords);
        return first is null || second is null
            ? "n/a (a body under the word floor, or not in truth)"
            : first.Similarity(second).ToString("F3", CultureInfo.InvariantCulture);
    }
}

namespace FeedHarvester.Fuzz.Corpus;

/// <summary>
/// The feed fixtures and golden pages of FeedHarvester.Core.Tests (copied beside this assembly under TestData),
/// in a fixed order so that a seed index means the same fixture on every machine.
/// </summary>
internal sealed class SeedCorpus
{
    private const string FeedContentType = "application/rss+xml";
    private const string JsonFeedContentType = "application/feed+json";
    private const string PageContentType = "text/html";

    private readonly Dictionary<string, SeedInput> _byName;

    private SeedCorpus(IReadOnlyList<SeedInput> seeds)
    {
        Seeds = seeds;
        _byName = seeds.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<SeedInput> Seeds { get; }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static SeedCorpus Load() => Load(Root);

    public static SeedCorpus Load(string root)
    {
        var feeds = Directory.EnumerateFiles(Path.Combine(root, "feeds"))
            .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => new SeedInput(Relative(root, f), InputKind.Feed, File.ReadAllBytes(f),
                f.EndsWith(".json", StringComparison.Ordinal) ? JsonFeedContentType : FeedContentType));
        var pages = Directory.EnumerateFiles(Path.Combine(root, "pages"), "source.html", SearchOption.AllDirectories)
            .Select(f => new SeedInput(Relative(root, f), InputKind.Page, File.ReadAllBytes(f), PageContentType));
        var seeds = feeds.Concat(pages).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (seeds.Count == 0)
        {
            throw new InvalidOperationException($"no seed fixtures under {root}");
        }

        return new SeedCorpus(seeds);
    }

    public SeedInput Get(string name) =>
        _byName.TryGetValue(name, out var seed) ? seed : throw new KeyNotFoundException($"no seed fixture '{name}' under {Root}");

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}

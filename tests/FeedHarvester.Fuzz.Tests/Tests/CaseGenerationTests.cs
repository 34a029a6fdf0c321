using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Generation;
using FeedHarvester.Fuzz.Mutations;
using FeedHarvester.Fuzz.Supervision;

namespace FeedHarvester.Fuzz.Tests;

public sealed class CaseGenerationTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load();

    private static List<(string Seed, FuzzCase Case)> CiCases(int count)
    {
        var gen = new FuzzCaseGen(Corpus);
        var seeds = new CaseSeeds(RoundOptions.CiSeed);
        return Enumerable.Range(0, count).Select(_ => seeds.Next()).Select(s => (s, gen.Generate(s))).ToList();
    }

    [Fact]
    public void Corpus_HoldsTheCoreFeedFixturesAndGoldenPages()
    {
        Assert.Contains(Corpus.Seeds, s => s.Name == "feeds/atom-xml-base.xml" && s.Kind == InputKind.Feed);
        Assert.Contains(Corpus.Seeds, s => s.Name == "feeds/jsonfeed-1.1.json" && s.ContentType == "application/feed+json");
        Assert.Contains(Corpus.Seeds, s => s.Name == "pages/live-blog/source.html" && s.Kind == InputKind.Page);
        Assert.True(Corpus.Seeds.Count >= 30, $"{Corpus.Seeds.Count} seeds");
    }

    [Fact]
    public void RoundSeed_GivesTheSameCasesEveryTime()
    {
        var first = CiCases(30).Select(c => (c.Seed, c.Case.ToJson()));
        var second = CiCases(30).Select(c => (c.Seed, c.Case.ToJson()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void CaseSeed_ReplaysItsCaseAlone()
    {
        var (seed, fuzzCase) = CiCases(10)[^1];

        var replayed = new FuzzCaseGen(Corpus).Generate(seed);

        Assert.Equal(fuzzCase.ToJson(), replayed.ToJson());
        Assert.Equal(FuzzCase.Fingerprint(fuzzCase.Build(Corpus)), FuzzCase.Fingerprint(replayed.Build(Corpus)));
    }

    [Fact]
    public void Recipe_ThroughJson_RebuildsTheSameBytes()
    {
        foreach (var (seed, fuzzCase) in CiCases(40))
        {
            var back = FuzzCase.FromJson(fuzzCase.ToJson());

            Assert.True(FuzzCase.Fingerprint(fuzzCase.Build(Corpus)) == FuzzCase.Fingerprint(back.Build(Corpus)), $"case {seed}: {fuzzCase.Describe()}");
        }
    }

    [Fact]
    public void CiRound_ReachesEveryMutationAndDeepNestingInContent()
    {
        var cases = CiCases(400).Select(c => c.Case).ToList();
        var kinds = cases.SelectMany(c => c.Mutations).Select(m => m.GetType()).ToHashSet();

        Assert.Equal(typeof(Mutation).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Mutation))).ToHashSet(), kinds);
        Assert.Contains(cases, c => c.Mutations.OfType<Nest>().Any(n => n.Depth >= 100_000 && n.Pick < 0x8000_0000u));
        Assert.Contains(cases, c => c.Mutations.OfType<DeclareCharset>().Any(d => d.Charset.Equals("utf-7", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(cases, c => c.Mutations.OfType<Reencode>().Any(r => !r.Bom && r.Encoding != Reencode.Utf8));
    }

    [Fact]
    public void GeneratedInputs_StayWithinTheFetchLimits()
    {
        foreach (var (seed, fuzzCase) in CiCases(60))
        {
            var input = fuzzCase.Build(Corpus);
            var limit = input.Kind == InputKind.Feed ? Fetching.FetchingDefaults.MaxFeedBytes : Fetching.FetchingDefaults.MaxPageBytes;

            Assert.True(input.Body.Length <= limit, $"case {seed}: {input.Body.Length} bytes, {fuzzCase.Describe()}");
        }
    }
}

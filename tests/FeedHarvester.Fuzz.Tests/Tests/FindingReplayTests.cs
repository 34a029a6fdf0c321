using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Supervision;

namespace FeedHarvester.Fuzz.Tests;

/// <summary>
/// Every finding checked into Findings/ is replayed, each in a worker process of its own (a stack overflow fails
/// its test, not the test run), and must now pass its budgets. A finding whose fix is still on another branch
/// names that branch in its manifest's <c>awaits</c>, shown in the test's name, and fails until the fix is merged.
/// </summary>
public sealed class FindingReplayTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Findings");

    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.finding.json").Order(StringComparer.Ordinal))
        {
            var manifest = FindingManifest.Load(path);
            data.Add(manifest.Name, manifest.Awaits ?? "none");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Finding_NowPassesItsBudgets(string name, string awaits)
    {
        var manifest = FindingManifest.Load(Path.Combine(Directory, name + ".finding.json"));

        var verdict = await Isolated.RunAsync(manifest.Job(Directory));

        Assert.True(verdict.Passed,
            $"{name} (awaits {awaits}) still fails in {verdict.Stage}: {verdict.Symptom}: {verdict.Detail}\n" +
            $"when found: {manifest.Stage} {manifest.Symptom}: {manifest.Detail}");
    }

    [Fact]
    public void Findings_RebuildToTheInputsTheyRecorded()
    {
        var corpus = SeedCorpus.Load();
        var manifests = System.IO.Directory.EnumerateFiles(Directory, "*.finding.json").Select(FindingManifest.Load).ToList();

        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
        {
            var input = manifest.Rebuild(Directory, corpus); // throws on a SHA-256 mismatch
            Assert.Equal(manifest.InputBytes, input.Body.Length);
            Assert.True(manifest.Input is not null || manifest.InputBytes > FindingAdopter.MaxStoredBytes,
                $"{manifest.Name}: small inputs are kept as bytes");
        }
    }
}

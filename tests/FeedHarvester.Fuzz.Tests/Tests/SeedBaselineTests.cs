using FeedHarvester.Fuzz.Corpus;
using FeedHarvester.Fuzz.Execution;
using FeedHarvester.Fuzz.Generation;
using FeedHarvester.Fuzz.Supervision;

namespace FeedHarvester.Fuzz.Tests;

/// <summary>The fixtures the fuzzer starts from pass as they are: a finding is always the mutation's doing.</summary>
public sealed class SeedBaselineTests
{
    [Fact]
    public async Task EverySeedFixture_Unmutated_PassesItsBudgets()
    {
        var corpus = SeedCorpus.Load();
        using var worker = await WorkerProcess.StartAsync(CancellationToken.None);
        var failures = new List<string>();
        foreach (var seed in corpus.Seeds)
        {
            var outcome = await worker.RunAsync(new WorkerJob { Case = new FuzzCase(seed.Name, []) }, CancellationToken.None);
            if (!outcome.Verdict.Passed)
            {
                failures.Add($"{seed.Name}: {outcome.Verdict.Stage} {outcome.Verdict.Symptom}: {outcome.Verdict.Detail}");
            }

            Assert.False(outcome.WorkerLost, string.Join("\n", failures));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

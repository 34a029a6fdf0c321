using FeedHarvester.Fuzz.Supervision;
using Xunit.Abstractions;

namespace FeedHarvester.Fuzz.Tests;

/// <summary>
/// The CI round: the first <see cref="RoundOptions.CiCases"/> cases of the fixed seed (about a minute), each in a worker process under the budgets. It fails on
/// any finding, naming the case seed and mutations and where the input was saved, so a CI failure can be
/// replayed with <c>case SEED</c> and turned into a fixture with <c>adopt</c>.
/// </summary>
public sealed class CiRoundTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SeededRound_FindsNoFailureWithinTheBudgets()
    {
        var directory = OutputRoot.For("ci-" + RoundOptions.CiSeed);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var log = new StringWriter();
        var report = await new RoundSupervisor(new RoundOptions(RoundOptions.CiSeed, RoundOptions.CiDuration, RoundOptions.CiCases, directory), log).RunAsync();
        output.WriteLine(log.ToString());
        output.WriteLine(report.Summary());

        Assert.True(report.Cases >= 10, $"only {report.Cases} cases ran in the round");
        Assert.True(report.Clean, report.Summary());
    }
}

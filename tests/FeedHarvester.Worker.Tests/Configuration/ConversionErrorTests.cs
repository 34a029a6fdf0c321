using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Configuration;

/// <summary>
/// Every value that cannot be read is reported in the same run, each with its key, the value and what is allowed, in an
/// operator's words; one duration syntax everywhere (issue 16, items 3 and 4).
/// </summary>
public sealed class ConversionErrorTests
{
    [Fact]
    public async Task Run_SeveralBadValuesInSeveralSections_EveryOneListedWithValueAndWhatIsAllowed()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, """
            {"FeedHarvester": {
              "Fetching": {"Timeout": "soon", "MaxRedirects": "q"},
              "Scheduling": {"Adaptive": "maybe", "MaxBackoff": "zz"},
              "Deduplication": {"NearDuplicates": "sometimes"}
            }}
            """);

        var (exitCode, _, stderr) = await RunOnceAsync(runner, config);

        Assert.Equal(2, exitCode);
        var lines = UnknownKeyTests.ErrorLines(stderr);
        Assert.Equal(5, lines.Count);
        AssertLine(lines, "FeedHarvester:Fetching:Timeout", "'soon'", "30s, 15m, 2h, 1d or 00:15:00");
        AssertLine(lines, "FeedHarvester:Fetching:MaxRedirects", "'q'", "whole number");
        AssertLine(lines, "FeedHarvester:Scheduling:Adaptive", "'maybe'", "true or false");
        AssertLine(lines, "FeedHarvester:Scheduling:MaxBackoff", "'zz'", "30s, 15m, 2h, 1d or 00:15:00");
        AssertLine(lines, "FeedHarvester:Deduplication:NearDuplicates", "'sometimes'", "link, drop or off");
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("NearDuplicatePolicy", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("00:00:30")]
    [InlineData("0.5m")]
    public async Task Run_TimeoutInAnySpellingOfThirtySeconds_Accepted(string timeout)
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string> { ["FeedHarvester__Fetching__Timeout"] = timeout };

        var (_, stdout, stderr) = await HarvestRunner.RunWorkerAsync(
            environment, "run", "--once", "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Contains("feeds ok 0, failed 1", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Timeout", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BareNumberAsADuration_RefusedShowingBothReadings()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, """{"FeedHarvester": {"Fetching": {"Timeout": "30"}}}""");

        var (exitCode, _, stderr) = await RunOnceAsync(runner, config);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(UnknownKeyTests.ErrorLines(stderr));
        Assert.Contains("FeedHarvester:Fetching:Timeout", line, StringComparison.Ordinal);
        Assert.Contains("30s", line, StringComparison.Ordinal);
        Assert.Contains("30 seconds", line, StringComparison.Ordinal);
        Assert.Contains("30 days", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValueOutOfRange_NamesTheKeyTheValueAndTheRange()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, """{"FeedHarvester": {"Fetching": {"Timeout": "2h", "MaxConcurrentRequestsPerHost": 0}}}""");

        var (exitCode, _, stderr) = await RunOnceAsync(runner, config);

        Assert.Equal(2, exitCode);
        var lines = UnknownKeyTests.ErrorLines(stderr);
        Assert.Equal(2, lines.Count);
        AssertLine(lines, "FeedHarvester:Fetching:Timeout", "'2h'", "1s to 10m");
        AssertLine(lines, "FeedHarvester:Fetching:MaxConcurrentRequestsPerHost", "'0'", "1 to 64");
    }

    private static void AssertLine(List<string> lines, string key, params string[] parts)
    {
        var line = Assert.Single(lines, l => l.StartsWith($"feedharvester: {key} ", StringComparison.Ordinal));
        foreach (var part in parts)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunOnceAsync(HarvestRunner runner, string config) =>
        HarvestRunner.RunWorkerAsync(
            "run", "--once", "--config", config, "--feeds", UnknownKeyTests.UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);
}

using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Configuration;

/// <summary>
/// A key under FeedHarvester the worker does not know, or a top-level section that looks like FeedHarvester, stops the
/// start with one line naming the key, where it came from and the nearest valid key (issue 16, item 2).
/// </summary>
public sealed class UnknownKeyTests
{
    [Theory]
    [InlineData("""{"FeedHarvester": {"Fetching": {"Timout": "00:00:10"}}}""", "FeedHarvester:Fetching:Timout", "FeedHarvester:Fetching:Timeout")]
    [InlineData("""{"FeedHarvester": {"Schedulng": {"MaxBackoff": "1h"}}}""", "FeedHarvester:Schedulng", "FeedHarvester:Scheduling")]
    [InlineData("""{"FeedHarvester": {"Fetching": {"AllowedPrivateHost": ["127.0.0.1:8080"]}}}""", "FeedHarvester:Fetching:AllowedPrivateHost", "FeedHarvester:Fetching:AllowedPrivateHosts")]
    [InlineData("""{"FeedHarvester": {"Storage": {"DataDir": "/tmp/x"}}}""", "FeedHarvester:Storage:DataDir", "FeedHarvester:Storage:DataDirectory")]
    [InlineData("""{"FeedHarvester": {"Timeout": "10s"}}""", "FeedHarvester:Timeout", "FeedHarvester:Fetching:Timeout")]
    [InlineData("""{"FeedHarvestr": {"Fetching": {"Timeout": "00:00:10"}}}""", "FeedHarvestr", "FeedHarvester")]
    public async Task Run_UnknownKeyInAFile_ExitCode2NamingKeyFileAndNearestKey(string json, string key, string suggestion)
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "settings.json");
        File.WriteAllText(config, json);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(
            "run", "--once", "--config", config, "--feeds", UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(stderr));
        Assert.StartsWith($"feedharvester: {key} ", line, StringComparison.Ordinal);
        Assert.Contains(config, line, StringComparison.Ordinal);
        Assert.Contains($"did you mean {suggestion}?", line, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownKeyInTheEnvironment_NamesTheVariableAndSuggestsItsCorrectSpelling()
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string> { ["FeedHarvester__Fetching__Timout"] = "10s" };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            environment, "run", "--once", "--feeds", UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(stderr));
        Assert.Contains("environment variable FeedHarvester__Fetching__Timout", line, StringComparison.Ordinal);
        Assert.Contains("did you mean FeedHarvester__Fetching__Timeout?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SingleUnderscoreVariable_IsALookAlikeOfTheSection()
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string> { ["FeedHarvester_Fetching__Timeout"] = "10s" };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(
            environment, "run", "--once", "--feeds", UnreachableFeeds(runner.DataDirectory), "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(stderr));
        Assert.Contains("environment variable FeedHarvester_Fetching__Timeout", line, StringComparison.Ordinal);
        Assert.Contains("did you mean FeedHarvester__Fetching__Timeout?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnrelatedVariableStartingWithTheName_NotTakenForASection()
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string> { ["FEEDHARVESTER_HOME"] = "/opt/feedharvester" };

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync(environment, "feeds", "list", "--feeds", UnreachableFeeds(runner.DataDirectory));

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("1 feeds, 1 enabled", stdout, StringComparison.Ordinal);
    }

    /// <summary>The error lines, without the closing count line.</summary>
    internal static List<string> ErrorLines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.Contains("configuration error", StringComparison.Ordinal))
            .ToList();

    internal static string UnreachableFeeds(string directory)
    {
        var feeds = Path.Combine(directory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/feed.xml"]);
        return feeds;
    }
}

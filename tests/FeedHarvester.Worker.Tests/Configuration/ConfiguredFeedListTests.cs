using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Configuration;

/// <summary>
/// The feed list an operator configures is the list polled: never merged by index with the shipped one or with a list
/// in another source, entries bound one by one, every skipped entry named by its true index and URL (issue 16, items 1 and 5).
/// </summary>
public sealed class ConfiguredFeedListTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task FeedsList_TwoFeedsInWorkingDirectoryAppsettings_ListsExactlyThoseTwo()
    {
        using var runner = new HarvestRunner();
        File.WriteAllText(Path.Combine(runner.DataDirectory, "appsettings.json"), """
            {"FeedHarvester": {"Feeds": [{"Url": "http://127.0.0.1:9/a.xml"}, {"Url": "http://127.0.0.1:9/b.xml", "Title": "Mine"}]}}
            """);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerInAsync(runner.DataDirectory, NoEnvironment, "feeds", "list");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"], ListedUrls(stdout));
        Assert.Contains("2 feeds, 2 enabled", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsList_OneFeedInWorkingDirectoryAppsettings_InheritsNoTitle()
    {
        using var runner = new HarvestRunner();
        File.WriteAllText(Path.Combine(runner.DataDirectory, "appsettings.json"), """
            {"FeedHarvester": {"Feeds": [{"Url": "http://127.0.0.1:9/a.xml"}]}}
            """);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerInAsync(runner.DataDirectory, NoEnvironment, "feeds", "list");

        Assert.True(exitCode == 0, stderr);
        var row = Assert.Single(Rows(stdout));
        Assert.DoesNotContain("BBC", row, StringComparison.Ordinal);
        Assert.Contains(" - ", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsList_FeedUrlFromEnvironment_ReplacesTheListOfTheFiles()
    {
        using var runner = new HarvestRunner();
        File.WriteAllText(Path.Combine(runner.DataDirectory, "appsettings.json"), """
            {"FeedHarvester": {"Feeds": [{"Url": "http://127.0.0.1:9/a.xml", "Title": "From the file"}, {"Url": "http://127.0.0.1:9/b.xml"}]}}
            """);
        var environment = new Dictionary<string, string> { ["FeedHarvester__Feeds__0__Url"] = "http://127.0.0.1:9/env.xml" };

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerInAsync(runner.DataDirectory, environment, "feeds", "list");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["http://127.0.0.1:9/env.xml"], ListedUrls(stdout));
        Assert.DoesNotContain("From the file", stdout, StringComparison.Ordinal);
        Assert.Contains("environment", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsList_NothingConfigured_ListsTheBuiltInSampleAndSaysSo()
    {
        using var runner = new HarvestRunner();

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerInAsync(runner.DataDirectory, NoEnvironment, "feeds", "list");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(5, ListedUrls(stdout).Count);
        Assert.Contains("built-in sample list", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedsList_EntriesWithBadFields_SkippedOneByOneNamingTheTrueIndexAndUrl()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "feeds.json");
        File.WriteAllText(config, """
            {"FeedHarvester": {"Feeds": [
              {"Url": "http://127.0.0.1:9/zero.xml", "Interval": "30m"},
              {"Url": "http://127.0.0.1:9/one.xml", "Interval": "fast"},
              {"Url": "http://127.0.0.1:9/two.xml", "Enabled": "nope"},
              {"Url": "ftp://127.0.0.1:9/three.xml"},
              {"Url": "http://127.0.0.1:9/four.xml", "Title": "Four"}
            ]}}
            """);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerInAsync(runner.DataDirectory, NoEnvironment, "feeds", "list", "--config", config);

        Assert.Equal(1, exitCode);
        Assert.Equal(["http://127.0.0.1:9/four.xml", "http://127.0.0.1:9/zero.xml"], ListedUrls(stdout));
        Assert.Contains("30m", Assert.Single(Rows(stdout), r => r.Contains("zero.xml", StringComparison.Ordinal)), StringComparison.Ordinal);
        AssertNamed(stderr, "FeedHarvester:Feeds:1", "http://127.0.0.1:9/one.xml", "'fast'");
        AssertNamed(stderr, "FeedHarvester:Feeds:2", "http://127.0.0.1:9/two.xml", "'nope'");
        AssertNamed(stderr, "FeedHarvester:Feeds:3", "ftp://127.0.0.1:9/three.xml", "http or https");
    }

    private static void AssertNamed(string stderr, string key, string url, string problem)
    {
        var line = Assert.Single(stderr.Split('\n'), l => l.Contains(key + ":", StringComparison.Ordinal) || l.Contains(key + " ", StringComparison.Ordinal));
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    private static List<string> Rows(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("http", StringComparison.Ordinal)).ToList();

    private static List<string> ListedUrls(string stdout) => Rows(stdout).Select(l => l.Split(' ')[0]).ToList();
}

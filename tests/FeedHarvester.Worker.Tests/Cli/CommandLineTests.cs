using System.Text.Json;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Run_InvalidConfiguration_ExitsNonZeroListingEveryError()
    {
        using var runner = new HarvestRunner();
        var config = Path.Combine(runner.DataDirectory, "bad.json");
        File.WriteAllText(config, """
            {"FeedHarvester": {
              "Feeds": [{"Url": "ftp://example.invalid/feed"}, {"Url": "not a url"}],
              "Fetching": {"Timeout": "00:00:00", "MaxConcurrentRequestsPerHost": 0},
              "Scheduling": {"JitterFraction": 2},
              "Extraction": {"PageTimeBudget": "00:00:00"},
              "Deduplication": {"NearDuplicates": "sometimes"},
              "Observability": {"ListenUrl": "ftp://nowhere", "LogFormat": "xml"}
            }}
            """);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync("run", "--once", "--config", config, "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("FeedHarvester:Feeds:0:Url", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Feeds:1:Url", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Fetching:Timeout", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Fetching:MaxConcurrentRequestsPerHost", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Scheduling:JitterFraction", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Extraction:PageTimeBudget", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Deduplication:NearDuplicates", stderr, StringComparison.Ordinal);
        Assert.Contains("sometimes", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Observability:ListenUrl", stderr, StringComparison.Ordinal);
        Assert.Contains("FeedHarvester:Observability:LogFormat", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EnvironmentVariable_OverridesTheOptionUnderFeedHarvester()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/ok.xml"]);
        var environment = new Dictionary<string, string> { ["FeedHarvester__Fetching__Timeout"] = "00:00:00.5" };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(environment, "run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("FeedHarvester:Fetching:Timeout", stderr, StringComparison.Ordinal);
        Assert.Contains("00:00:00.5", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DataDirectoryHeldByAnotherWorker_ExitsWithAClearError()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, ["http://127.0.0.1:9/ok.xml"]);
        using var holder = FeedHarvester.Local.LocalStore.Open(
            new FeedHarvester.Local.LocalStoreOptions { DataDirectory = runner.DataDirectory },
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync("run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Equal(3, exitCode);
        Assert.Contains(runner.DataDirectory, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FeedFile_PrintsTheFeedAsOneJsonObject()
    {
        using var runner = new HarvestRunner();
        var file = Path.Combine(runner.DataDirectory, "feed.xml");
        File.WriteAllText(file, """
            <rss version="2.0"><channel><title>Parsed</title><link>/home</link><description>d</description>
            <item><title>One</title><link>/a/1.html</link><pubDate>Mon, 02 Jun 2025 12:00:00 +0545</pubDate></item></channel></rss>
            """);

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync("parse", file, "--base-url", "http://127.0.0.1:9/feed.xml");

        Assert.True(exitCode == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.True(json.GetProperty("wellformed").GetBoolean());
        Assert.Equal("Parsed", json.GetProperty("feed").GetProperty("title").GetString());
        var entry = json.GetProperty("entries")[0];
        Assert.Equal("http://127.0.0.1:9/a/1.html", entry.GetProperty("link").GetString());
        Assert.Equal("2025-06-02T06:15:00Z", entry.GetProperty("published").GetString());
    }

    [Fact]
    public async Task Extract_TwoFiles_PrintsOneRecordPerInputInOrder()
    {
        using var runner = new HarvestRunner();
        var paragraphs = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"<p>Paragraph {i} of the story tells, at some length and with detail, what the council decided about the river crossing today.</p>"));
        var first = Path.Combine(runner.DataDirectory, "first.html");
        var second = Path.Combine(runner.DataDirectory, "second.html");
        File.WriteAllText(first, $"<html lang=\"en\"><head><title>First</title></head><body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>");
        File.WriteAllText(second, "<html><head><title>Second</title></head><body><p>Short.</p></body></html>");

        var (exitCode, stdout, stderr) = await HarvestRunner.RunWorkerAsync("extract", first, second, "--base-url", "http://127.0.0.1:9/story.html");

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var record = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Contains("Paragraph 3 of the story", record.GetProperty("content_text").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9/story.html", record.GetProperty("url").GetString());
        Assert.Equal("http://127.0.0.1:9/story.html", JsonDocument.Parse(lines[1]).RootElement.GetProperty("url").GetString());
    }
}

using System.Text.Json;
using FeedHarvester.Feeds;
using FeedHarvester.Local;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Cli;

public sealed class StatusCommandTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_DataDirectoryHeldByRunningStore_ListsFeedsSortedWithTotals()
    {
        using var runner = new HarvestRunner();
        using var store = LocalStore.Open(new LocalStoreOptions { DataDirectory = runner.DataDirectory }, new FakeTimeProvider(Now), NullLoggerFactory.Instance);
        await SaveStatesAsync(store.Store);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await StatusCommand.Create(output, error, new FakeTimeProvider(Now)).Parse(["--data-dir", runner.DataDirectory]).InvokeAsync();

        Assert.True(exit == 0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"a worker holds {Path.GetFullPath(runner.DataDirectory)}; last poll 2025-06-01T11:59:00.000Z (1m ago)", lines[0]);
        Assert.StartsWith("URL", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("https://a.example/feed", lines[2], StringComparison.Ordinal);
        Assert.Contains("failing", lines[2], StringComparison.Ordinal);
        Assert.Contains("ServerError", lines[2], StringComparison.Ordinal);
        Assert.Contains("2025-06-01T11:50:00.000Z (10m ago)", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("https://b.example/feed", lines[3], StringComparison.Ordinal);
        Assert.Contains("(in 5m)", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("https://c.example/feed", lines[4], StringComparison.Ordinal);
        Assert.Contains("gone", lines[4], StringComparison.Ordinal);
        Assert.Equal("3 feeds (1 active, 1 failing, 0 broken, 1 gone), 42 articles emitted", lines[^1].TrimEnd());
    }

    [Fact]
    public async Task Status_Json_GivesFeedsAndTotals()
    {
        using var runner = new HarvestRunner();
        using (var store = LocalStore.Open(new LocalStoreOptions { DataDirectory = runner.DataDirectory }, new FakeTimeProvider(Now), NullLoggerFactory.Instance))
        {
            await SaveStatesAsync(store.Store);
        }

        var output = new StringWriter();
        var exit = await StatusCommand.Create(output, new StringWriter()).Parse(["--data-dir", runner.DataDirectory, "--json"]).InvokeAsync();

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var feeds = json.RootElement.GetProperty("feeds");
        Assert.Equal(["https://a.example/feed", "https://b.example/feed", "https://c.example/feed"], feeds.EnumerateArray().Select(f => f.GetProperty("url").GetString()));
        Assert.Equal(2, feeds[0].GetProperty("consecutive_errors").GetInt32());
        Assert.Equal(42, json.RootElement.GetProperty("totals").GetProperty("articles_emitted").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("gone").GetInt32());
        Assert.Equal("2025-06-01T11:50:00.000Z", feeds[0].GetProperty("last_polled_at").GetString());
        Assert.Equal("fetch: server error (503 status code)", feeds[0].GetProperty("last_message").GetString());
        Assert.False(json.RootElement.GetProperty("worker").GetProperty("holds_data_directory").GetBoolean());
        Assert.Equal("2025-06-01T11:59:00.000Z", json.RootElement.GetProperty("worker").GetProperty("last_poll_at").GetString());
    }

    [Fact]
    public async Task Status_FeedListConfigured_ShowsListedFeedsWithTitlesAndLastError_FailingFilters()
    {
        using var runner = new HarvestRunner();
        using (var store = LocalStore.Open(new LocalStoreOptions { DataDirectory = runner.DataDirectory }, new FakeTimeProvider(Now), NullLoggerFactory.Instance))
        {
            await SaveStatesAsync(store.Store);
        }

        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        await File.WriteAllLinesAsync(feeds, ["https://a.example/feed title=\"Alpha news\"", "https://b.example/feed"]);
        string[] arguments = ["--data-dir", runner.DataDirectory, "--feeds", feeds];

        var all = new StringWriter();
        Assert.Equal(0, await StatusCommand.Create(all, new StringWriter(), new FakeTimeProvider(Now)).Parse(arguments).InvokeAsync());
        var failing = new StringWriter();
        Assert.Equal(0, await StatusCommand.Create(failing, new StringWriter(), new FakeTimeProvider(Now)).Parse([.. arguments, "--failing"]).InvokeAsync());

        var lines = all.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"no worker holds {Path.GetFullPath(runner.DataDirectory)}", lines[0], StringComparison.Ordinal);
        Assert.Contains("LAST ERROR", lines[1], StringComparison.Ordinal);
        Assert.Contains("Alpha news", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("fetch: server error (503 status code)", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("https://b.example/feed", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("https://c.example/feed", all.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 feeds in the store are no longer in the feed list", all.ToString(), StringComparison.Ordinal);
        var failingRows = failing.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("https://", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("https://a.example/feed", Assert.Single(failingRows), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoDatabase_ExitsOneWithReason()
    {
        using var runner = new HarvestRunner();
        var error = new StringWriter();

        var exit = await StatusCommand.Create(new StringWriter(), error).Parse(["--data-dir", runner.DataDirectory]).InvokeAsync();

        Assert.Equal(StatusCommand.StoreUnreadableExitCode, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task SaveStatesAsync(IFeedStateStore store)
    {
        // Saved out of order: the report sorts by URL.
        await store.SaveFeedStateAsync(new FeedState
        {
            FeedUrl = "https://b.example/feed", LastOutcome = "Ok", LastPolledAt = Now.AddMinutes(-1), NextPollAt = Now.AddMinutes(5), ArticlesEmitted = 40,
        }, CancellationToken.None);
        await store.SaveFeedStateAsync(new FeedState
        {
            FeedUrl = "https://a.example/feed", LastOutcome = "ServerError", LastPolledAt = Now.AddMinutes(-10), NextPollAt = Now.AddMinutes(20), ConsecutiveErrors = 2, ArticlesEmitted = 2,
            LastMessage = "fetch: server error (503 status code)",
        }, CancellationToken.None);
        await store.SaveFeedStateAsync(new FeedState
        {
            FeedUrl = "https://c.example/feed", LastOutcome = "Gone", LastPolledAt = Now.AddDays(-1), Status = FeedStatus.Gone,
        }, CancellationToken.None);
    }
}

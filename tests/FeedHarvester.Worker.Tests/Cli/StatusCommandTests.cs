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
        Assert.StartsWith("URL", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("https://a.example/feed", lines[1], StringComparison.Ordinal);
        Assert.Contains("failing", lines[1], StringComparison.Ordinal);
        Assert.Contains("ServerError", lines[1], StringComparison.Ordinal);
        Assert.Contains("(10m ago)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("https://b.example/feed", lines[2], StringComparison.Ordinal);
        Assert.Contains("(in 5m)", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("https://c.example/feed", lines[3], StringComparison.Ordinal);
        Assert.Contains("gone", lines[3], StringComparison.Ordinal);
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
        }, CancellationToken.None);
        await store.SaveFeedStateAsync(new FeedState
        {
            FeedUrl = "https://c.example/feed", LastOutcome = "Gone", LastPolledAt = Now.AddDays(-1), Status = FeedStatus.Gone,
        }, CancellationToken.None);
    }
}

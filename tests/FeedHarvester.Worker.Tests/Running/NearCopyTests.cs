using System.Text.Json;
using Microsoft.Extensions.Logging;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Running;

public sealed class NearCopyTests
{
    [Fact]
    public async Task RunOnce_LinkPolicy_EmitsEveryCopyWithTheFirstCopysStoryId()
    {
        await using var site = new LoopbackSite();
        var sites = new SyndicationSites(site);
        using var runner = new HarvestRunner(site);

        var summary = await runner.RunOnceInProcessAsync(sites.WriteFeedList(runner.DataDirectory));

        var records = runner.ReadOutput();
        Assert.Equal(4, records.Count);
        Assert.Equal(1, summary.LinkedCopies);
        var copies = records.Where(r => Url(r) == sites.WireUrl("north") || Url(r) == sites.WireUrl("south")).ToList();
        var original = Assert.Single(copies, r => r.GetProperty("duplicate_of").ValueKind == JsonValueKind.Null);
        var copy = Assert.Single(copies, r => r.GetProperty("duplicate_of").ValueKind == JsonValueKind.String);
        Assert.Equal(Id(original), original.GetProperty("story_id").GetString());
        Assert.Equal(Id(original), copy.GetProperty("story_id").GetString());
        Assert.Equal(Id(original), copy.GetProperty("duplicate_of").GetString());
        Assert.All(records.Where(r => !copies.Contains(r)), r => Assert.Equal(Id(r), r.GetProperty("story_id").GetString()));
    }

    [Fact]
    public async Task RunOnce_DropPolicy_EmitsTheFirstCopyOnlyAndCountsTheOther()
    {
        await using var site = new LoopbackSite();
        var sites = new SyndicationSites(site);
        using var runner = new HarvestRunner(site);
        var feeds = sites.WriteFeedList(runner.DataDirectory);
        var drop = new Dictionary<string, string?>
        {
            ["FeedHarvester:Deduplication:NearDuplicates"] = "drop",
            ["Logging:LogLevel:FeedHarvester.Pipeline"] = "Information",
        };

        var first = await runner.RunOnceInProcessAsync(feeds, drop);
        var second = await runner.RunOnceInProcessAsync(feeds, drop);

        var records = runner.ReadOutput();
        Assert.Equal(3, records.Count);
        Assert.Single(records, r => Url(r) == sites.WireUrl("north") || Url(r) == sites.WireUrl("south"));
        Assert.Equal(1, first.DroppedCopies);
        Assert.Contains("dropped", first.Format(), StringComparison.Ordinal);
        Assert.Equal(0, second.ArticlesEmitted);
        Assert.Equal(0, second.DroppedCopies);
        Assert.Contains(runner.Logs.At(LogLevel.Information), m => m.Contains("not emitted: a near-copy of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnce_PolicyOff_EveryRecordIsItsOwnStory()
    {
        await using var site = new LoopbackSite();
        var sites = new SyndicationSites(site);
        using var runner = new HarvestRunner(site);

        var summary = await runner.RunOnceInProcessAsync(
            sites.WriteFeedList(runner.DataDirectory),
            new Dictionary<string, string?> { ["FeedHarvester:Deduplication:NearDuplicates"] = "off" });

        var records = runner.ReadOutput();
        Assert.Equal(4, records.Count);
        Assert.Equal(0, summary.LinkedCopies);
        Assert.All(records, r => Assert.Equal(Id(r), r.GetProperty("story_id").GetString()));
    }

    private static string? Url(JsonElement record) => record.GetProperty("url").GetString();

    private static string? Id(JsonElement record) => record.GetProperty("id").GetString();
}

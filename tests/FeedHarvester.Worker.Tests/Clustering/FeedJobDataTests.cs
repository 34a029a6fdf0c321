using FeedHarvester.Feeds;
using FeedHarvester.Worker.Clustering;

namespace FeedHarvester.Tests.Clustering;

/// <summary>A feed's job data carries its whole definition, so any worker can poll it without the feed in its own list.</summary>
public sealed class FeedJobDataTests
{
    [Fact]
    public void FromMap_EveryFieldSet_GivesTheDefinitionBack()
    {
        var feed = new FeedDefinition(new Uri("https://example.org/feed.xml"), TimeSpan.FromMinutes(7), "Example", "world", Enabled: true, "Bot/1.0");

        Assert.Equal(feed, FeedJobData.FromMap(FeedJobData.ToMap(feed)));
    }

    [Fact]
    public void FromMap_OnlyTheUrl_GivesTheDefaults()
    {
        var feed = new FeedDefinition(new Uri("https://example.org/feed.xml"));

        Assert.Equal(feed, FeedJobData.FromMap(FeedJobData.ToMap(feed)));
    }

    [Fact]
    public void Describes_IntervalChanged_IsFalseSoTheJobIsRewritten()
    {
        var feed = new FeedDefinition(new Uri("https://example.org/feed.xml"), TimeSpan.FromMinutes(7));
        var map = FeedJobData.ToMap(feed);

        Assert.True(FeedJobData.Describes(map, feed));
        Assert.False(FeedJobData.Describes(map, feed with { Interval = TimeSpan.FromMinutes(3) }));
        Assert.False(FeedJobData.Describes(map, feed with { UserAgent = "Other/2.0" }));
    }

    [Fact]
    public void FromMap_NoUrl_IsNull()
    {
        Assert.Null(FeedJobData.FromMap(new Quartz.JobDataMap { ["title"] = "no url" }));
    }
}

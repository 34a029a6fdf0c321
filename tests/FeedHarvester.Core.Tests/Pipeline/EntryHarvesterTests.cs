using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class EntryHarvesterTests
{
    private static readonly FeedListing Listing = new(PollerRig.FeedUrl, new ParsedFeed { Title = "News" }, PollerRig.Start);

    private static ParsedEntry Entry(int n) => new()
    {
        Id = PollerRig.ArticleUrl(n),
        Link = PollerRig.ArticleUrl(n),
        Title = $"Story {n}",
        Summary = $"Story {n} in one line from the feed.",
    };

    [Fact]
    public async Task Harvest_EntrySeenBefore_StopsBeforeItsPageIsFetched()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.Dedupe.MarkSeen(new DedupeKey(DedupeKeyKind.Url, PollerRig.ArticleUrl(1)));

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);

        Assert.Equal((1, 0), (tally.Duplicates, tally.New));
        Assert.Equal(0, rig.Site.RequestsTo("/a/1.html"));
        Assert.Equal(0, rig.Dedupe.Claims);
    }

    [Fact]
    public async Task Harvest_PageArticle_CleanedBeforeItIsClaimed()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);
        await DrainAsync(rig);

        var article = Assert.Single(rig.Sink.Written);
        Assert.Equal(1, tally.New);
        Assert.Equal(ExtractionInfo.PageMethod, article.Extraction.Method);
        Assert.Contains("paragraph 6", article.ContentText, StringComparison.Ordinal);
        Assert.DoesNotContain("steal", article.ContentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", article.ContentHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"http://news.example/plans/library.html\"", article.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_PagePastTheSizeLimit_EntryRejectedNotClaimed()
    {
        using var rig = new PollerRig(fetching: new FetchingOptions { MaxPageBytes = 100 });
        rig.ServeFeed(1);

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);

        Assert.Equal((1, 0), (tally.Rejected, tally.New));
        Assert.Equal(0, rig.Dedupe.Claims);
        Assert.Equal(1, rig.Logs.Count(eventId: 112));
    }

    [Fact]
    public async Task Harvest_PageNotHtml_FeedContentUsedWithTheReason()
    {
        using var rig = new PollerRig();
        rig.Site.Serve("/a/1.html", "application/pdf", "%PDF-1.7");

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);
        await DrainAsync(rig);

        Assert.Equal((1, 1), (tally.New, tally.FromFeed));
        Assert.Equal(PageFailure.NotHtml("application/pdf").ToString(), Assert.Single(rig.Sink.Written).Extraction.FallbackReason);
    }

    [Fact]
    public async Task Harvest_PageWithoutArticleText_RecordStillCarriesThePagesMetadata()
    {
        using var rig = new PollerRig();
        rig.Site.Serve("/a/1.html", "text/html; charset=utf-8",
            "<html lang='de'><head><title>Opening hours of the town hall | News</title><meta name='author' content='Jane Doe'>" +
            "<meta property='article:published_time' content='2025-05-30T08:00:00Z'></head><body><div><img src='a.png'></div></body></html>");
        var entry = new ParsedEntry { Id = PollerRig.ArticleUrl(1), Link = PollerRig.ArticleUrl(1), Summary = "One line from the feed." };

        var tally = await rig.Harvester.HarvestAsync(Listing, [entry], CancellationToken.None);
        await DrainAsync(rig);

        var article = Assert.Single(rig.Sink.Written);
        Assert.Equal((1, 1), (tally.New, tally.FromFeed));
        Assert.StartsWith("no_article_text:", article.Extraction.FallbackReason, StringComparison.Ordinal);
        Assert.Equal(("Opening hours of the town hall", "Jane Doe", "de"), (article.Title, article.Author, article.Language));
        Assert.Equal(new DateTimeOffset(2025, 5, 30, 8, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("meta", article.Extraction.PublishedFrom);
    }

    [Fact]
    public async Task Harvest_PageMissing_FeedContentUsedWithTheFetchFailureCode()
    {
        using var rig = new PollerRig();

        _ = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);
        await DrainAsync(rig);

        Assert.StartsWith(nameof(FetchFailureKind.NotFound) + ": fetch: ", Assert.Single(rig.Sink.Written).Extraction.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_PagesNotFetched_NoPageRequestAndTheDisabledReason()
    {
        using var rig = new PollerRig(fetching: new FetchingOptions { FetchArticlePages = false });
        rig.ServeFeed(1);

        _ = await rig.Harvester.HarvestAsync(Listing, [Entry(1)], CancellationToken.None);
        await DrainAsync(rig);

        Assert.Equal(0, rig.Site.Requests);
        Assert.Equal(PageFailure.Disabled.ToString(), Assert.Single(rig.Sink.Written).Extraction.FallbackReason);
    }

    [Fact]
    public async Task Harvest_DroppedNearCopy_NotEmittedCountedAndLoggedOnce()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(2);
        rig.Dedupe.DropAsCopy = article => article.Url == PollerRig.ArticleUrl(2) ? new StoryLink("story-1", "article-1", 0.93) : null;

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1), Entry(2)], CancellationToken.None);
        await DrainAsync(rig);

        Assert.Equal((1, 1), (tally.New, tally.DroppedCopies));
        Assert.Equal(PollerRig.ArticleUrl(1), Assert.Single(rig.Sink.Written).Url);
        var line = Assert.Single(rig.Logs.Entries, e => e.EventId.Id == 113);
        Assert.Contains(PollerRig.ArticleUrl(2), line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_SameLinkTwiceAtOnce_PageFetchedOnceAndOneArticle()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        var repost = Entry(1) with { Id = "repost-of-1" };

        var tally = await rig.Harvester.HarvestAsync(Listing, [Entry(1), repost], CancellationToken.None);
        await DrainAsync(rig);

        Assert.Equal((1, 1), (tally.New, tally.Duplicates));
        Assert.Equal(1, rig.Site.RequestsTo("/a/1.html"));
        Assert.Single(rig.Sink.Written);
    }

    // The poller flushes after the entries; harvesting alone only signals, so the test writes what was claimed.
    private static async Task DrainAsync(PollerRig rig) => _ = await rig.Sink.EmitPendingAsync(CancellationToken.None);
}

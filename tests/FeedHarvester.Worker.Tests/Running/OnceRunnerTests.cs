using FeedHarvester.Diagnostics;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Running;

public sealed class OnceRunnerTests
{
    [Fact]
    public async Task RunOnce_RssAtomAndJsonFeeds_EmitsEveryArticleExactlyOnce()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 4);
        using var runner = new HarvestRunner(site);

        var summary = await runner.RunOnceInProcessAsync(news.WriteFeedList(runner.DataDirectory));

        var records = runner.ReadOutput();
        Assert.Equal(3, summary.FeedsOk);
        Assert.Equal(news.ArticleUrls.Count, summary.ArticlesEmitted);
        Assert.Equal(news.ArticleUrls.Order(StringComparer.Ordinal), records.Select(r => r.GetProperty("url").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, records.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task RunOnce_Summary_TimesEveryStageOfEveryArticle()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 3);
        using var runner = new HarvestRunner(site);

        var summary = await runner.RunOnceInProcessAsync(news.WriteFeedList(runner.DataDirectory));

        var calls = summary.Stages.ToDictionary(s => s.Stage, s => s.Calls);
        Assert.Equal(3, calls[HarvestStage.FeedFetch]);
        Assert.Equal(3, calls[HarvestStage.Parse]);
        Assert.Equal(news.ArticleUrls.Count, calls[HarvestStage.PageFetch]);
        Assert.Equal(news.ArticleUrls.Count, calls[HarvestStage.Extract]);
        Assert.Equal(news.ArticleUrls.Count, calls[HarvestStage.Normalize]);
        Assert.Equal(news.ArticleUrls.Count, calls[HarvestStage.Claim]);
        Assert.True(calls[HarvestStage.Emit] >= 1);
        Assert.All(summary.Stages.Where(s => s.Calls > 0), s => Assert.True(s.Wall > TimeSpan.Zero, s.Name));
        Assert.NotNull(summary.ProcessCpu);
        Assert.Contains("ms per article emitted, by stage", summary.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_ArticlePages_BodyIsTheStoryWithoutSidebarOrFooter()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        using var runner = new HarvestRunner(site);

        _ = await runner.RunOnceInProcessAsync(news.WriteFeedList(runner.DataDirectory));

        foreach (var record in runner.ReadOutput())
        {
            var text = record.GetProperty("content_text").GetString()!;
            Assert.Equal("page", record.GetProperty("extraction").GetProperty("method").GetString());
            Assert.Contains(news.FirstSentenceByUrl[record.GetProperty("url").GetString()!], text, StringComparison.Ordinal);
            Assert.DoesNotContain("Top Stories", text, StringComparison.Ordinal);
            Assert.DoesNotContain("All rights reserved", text, StringComparison.Ordinal);
            Assert.Equal(1, record.GetProperty("schema_version").GetInt32());
        }
    }

    [Fact]
    public async Task RunOnce_SecondRun_EmitsNothingAndPollsConditionally()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 3);
        using var runner = new HarvestRunner(site);
        var feeds = news.WriteFeedList(runner.DataDirectory);
        _ = await runner.RunOnceInProcessAsync(feeds);
        var pagesFetched = site.RequestCount("/rss/a/0.html");

        var second = await runner.RunOnceInProcessAsync(feeds);

        Assert.Equal(0, second.ArticlesEmitted);
        Assert.Equal(news.ArticleUrls.Count, runner.ReadOutput().Count);
        Assert.Equal(3, site.ConditionalRequests.Count);
        Assert.Equal(pagesFetched, site.RequestCount("/rss/a/0.html"));
    }

    [Fact]
    public async Task RunOnce_SameLinkTwiceInOneFeed_PageFetchedOnceArticleEmittedOnce()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        var page = site.Url("/rss/a/0.html").AbsoluteUri;
        site.Serve("/repost/feed.xml", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Reposts</title><link>{site.BaseUrl}</link><description>d</description>
            <item><title>Story</title><link>{page}</link><guid>story-1</guid></item>
            <item><title>Updated: Story</title><link>{page}?utm_source=again</link><guid>story-1-update-1</guid></item>
            <item><title>Updated again: Story</title><link>{page}</link><guid>story-1-update-2</guid></item>
            </channel></rss>
            """);
        using var runner = new HarvestRunner(site);
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllLines(feeds, [site.Url("/repost/feed.xml").AbsoluteUri, site.Url("/rss/feed.xml").AbsoluteUri]);

        var summary = await runner.RunOnceInProcessAsync(feeds, new Dictionary<string, string?> { ["FeedHarvester:Scheduling:MaxConcurrentArticlesPerFeed"] = "8" });

        Assert.Equal(1, site.RequestCount("/rss/a/0.html"));
        Assert.Single(runner.ReadOutput(), r => r.GetProperty("url").GetString() == page);
        Assert.Equal(3, summary.DuplicatesSkipped);
    }

    [Fact]
    public async Task RunOnce_FeedGone_DisabledAndNeverRequestedAgain()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 1);
        site.ServeStatus("/gone/feed.xml", 410);
        using var runner = new HarvestRunner(site);
        var feeds = news.WriteFeedList(runner.DataDirectory);
        File.AppendAllLines(feeds, [site.Url("/gone/feed.xml").AbsoluteUri]);

        var first = await runner.RunOnceInProcessAsync(feeds);
        var second = await runner.RunOnceInProcessAsync(feeds);

        Assert.Equal(1, first.FeedsDisabled);
        Assert.Equal(3, first.FeedsOk);
        Assert.Equal(1, second.FeedsDisabled);
        Assert.Equal(1, site.RequestCount("/gone/feed.xml"));
        Assert.Equal(news.ArticleUrls.Count, runner.ReadOutput().Count);
    }

    [Fact]
    public async Task RunOnce_FeedFailing_OtherFeedsHarvestedAndFailureListed()
    {
        await using var site = new LoopbackSite();
        var news = new TestNewsSite(site, itemsPerFeed: 2);
        site.ServeStatus("/broken/feed.xml", 404);
        site.Serve("/malformed/feed.xml", "application/rss+xml", "<rss><channel><item><title>x</title></item");
        using var runner = new HarvestRunner(site);
        var feeds = news.WriteFeedList(runner.DataDirectory);
        File.AppendAllLines(feeds, [site.Url("/broken/feed.xml").AbsoluteUri]);

        var summary = await runner.RunOnceInProcessAsync(feeds);

        Assert.Equal(3, summary.FeedsOk);
        var failure = Assert.Single(summary.Failures);
        Assert.Equal("NotFound", failure.Outcome.Code);
        Assert.Contains("failed " + site.Url("/broken/feed.xml").AbsoluteUri + ": NotFound", summary.Format(), StringComparison.Ordinal);
        Assert.Equal(news.ArticleUrls.Count, runner.ReadOutput().Count);
    }

    [Fact]
    public async Task RunOnce_PageMissing_ArticleEmittedFromFeedContentAndMarked()
    {
        await using var site = new LoopbackSite();
        site.Serve("/feed.xml", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>T</title><link>{site.BaseUrl}</link><description>d</description>
            <item><title>Lost page</title><link>{site.Url("/gone.html")}</link><guid>g1</guid>
            <description>&lt;p&gt;The feed's own text of the story.&lt;/p&gt;</description></item></channel></rss>
            """);
        using var runner = new HarvestRunner(site);
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllText(feeds, site.Url("/feed.xml").AbsoluteUri);

        var summary = await runner.RunOnceInProcessAsync(feeds);

        var record = Assert.Single(runner.ReadOutput());
        Assert.Equal(1, summary.FromFeedContent);
        Assert.Equal("feed", record.GetProperty("extraction").GetProperty("method").GetString());
        Assert.StartsWith("NotFound", record.GetProperty("extraction").GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("The feed's own text of the story.", record.GetProperty("content_text").GetString());
    }
}

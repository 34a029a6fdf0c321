using System.Diagnostics;
using System.Text;
using FeedHarvester.Pipeline;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Running;

namespace FeedHarvester.Tests.Running;

/// <summary>
/// Hostile and broken feeds beside a healthy one, all on loopback: each fault ends in its stable outcome code
/// and one log line naming the feed, nothing reaches a refused address, and the healthy feed is harvested.
/// </summary>
public sealed class FaultFeedsTests(FaultFeedsTests.FaultRun run) : IClassFixture<FaultFeedsTests.FaultRun>
{

    /// <summary>Fault feed path → the outcome code its poll must end with.</summary>
    private static readonly Dictionary<string, string> Faults = new()
    {
        ["/f/ratelimited/feed.xml"] = "RateLimited",
        ["/f/error/feed.xml"] = "ServerError",
        ["/f/missing/feed.xml"] = "NotFound",
        ["/f/gone/feed.xml"] = "Gone",
        ["/f/loop/feed.xml"] = "RedirectLoop",
        ["/f/slow/feed.xml"] = "Timeout",
        ["/f/notxml/feed.xml"] = PollOutcome.Malformed.Code,
        ["/f/laughs/feed.xml"] = PollOutcome.Malformed.Code,
        ["/f/xxe/feed.xml"] = PollOutcome.Malformed.Code,
        ["/f/private/feed.xml"] = "PrivateAddressBlocked",
    };

    [Fact]
    public void RunOnce_EachFault_EndsWithItsOutcomeCode()
    {
        foreach (var (path, outcome) in Faults)
        {
            var url = run.Site.Url(path).AbsoluteUri;
            var report = run.Summary.Failures.SingleOrDefault(f => f.FeedUrl == url);
            Assert.True(report is not null, $"{path}: no failure reported");
            Assert.Equal(outcome, report.Outcome.Code);
        }
    }

    [Fact]
    public void RunOnce_EachFault_OneWarningNamingTheFeed()
    {
        var warnings = run.Runner.Logs.At(Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        foreach (var path in Faults.Keys)
        {
            var url = run.Site.Url(path).AbsoluteUri;
            Assert.Single(warnings, line => line.Contains(url, StringComparison.Ordinal) && !line.Contains("/a/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RunOnce_Faults_HealthyFeedsHarvestedInFull()
    {
        Assert.Equal(5, run.Summary.FeedsOk);
        var urls = run.Runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.All(run.News.ArticleUrls, url => Assert.Contains(url, urls));
    }

    [Fact]
    public void RunOnce_SlowDripFeed_CutAtTheTimeLimitNotAtItsEnd() =>
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(20), $"run took {run.Elapsed}");

    [Fact]
    public void RunOnce_LinksToPrivateAddresses_NeverRequestedNorEmittedButLogged()
    {
        Assert.Empty(run.Bait.Requests);
        var feedUrl = run.Site.Url("/f/ssrf/feed.xml").AbsoluteUri;
        Assert.DoesNotContain(run.Runner.ReadOutput(), r => r.GetProperty("feed_url").GetString() == feedUrl);
        var rejections = run.Runner.Logs.At(Microsoft.Extensions.Logging.LogLevel.Warning)
            .Where(line => line.Contains(feedUrl, StringComparison.Ordinal) && line.Contains("PrivateAddressBlocked", StringComparison.Ordinal));
        Assert.Equal(3, rejections.Count());
    }

    [Fact]
    public void RunOnce_HugePage_CutAtTheSizeLimitNotEmittedButLogged()
    {
        var pageUrl = run.Site.Url("/f/huge/a/1.html").AbsoluteUri;
        Assert.DoesNotContain(run.Runner.ReadOutput(), r => r.GetProperty("url").GetString() == pageUrl);
        Assert.Single(run.Runner.Logs.At(Microsoft.Extensions.Logging.LogLevel.Warning), line => line.Contains(pageUrl, StringComparison.Ordinal) && line.Contains("TooLarge", StringComparison.Ordinal));
        Assert.Equal(4, run.Summary.Rejected);
    }

    [Fact]
    public void RunOnce_ExternalEntity_HostNameNowhereInTheOutput()
    {
        var output = File.Exists(run.Runner.OutputPath) ? File.ReadAllText(run.Runner.OutputPath) : string.Empty;
        Assert.DoesNotContain(File.ReadAllText("/etc/hostname").Trim(), output, StringComparison.Ordinal);
        Assert.Empty(run.Bait.Requests);
    }

    /// <summary>One run over every fault, shared by the tests that read it.</summary>
    public sealed class FaultRun : IAsyncLifetime
    {
        public LoopbackSite Site { get; } = new();

        public LoopbackSite Bait { get; } = new();

        public HarvestRunner Runner { get; private set; } = null!;

        public TestNewsSite News { get; private set; } = null!;

        internal HarvestSummary Summary { get; private set; } = null!;

        public TimeSpan Elapsed { get; private set; }

        public async Task InitializeAsync()
        {
            News = new TestNewsSite(Site, itemsPerFeed: 2);
            ServeFaults();
            Runner = new HarvestRunner(Site);
            var feeds = News.WriteFeedList(Runner.DataDirectory);
            File.AppendAllLines(feeds, Faults.Keys.Concat(["/f/ssrf/feed.xml", "/f/huge/feed.xml"]).Select(path => Site.Url(path).AbsoluteUri));
            var clock = Stopwatch.StartNew();
            Summary = await Runner.RunOnceInProcessAsync(feeds, new Dictionary<string, string?>
            {
                ["FeedHarvester:Fetching:Timeout"] = "00:00:03",
                ["FeedHarvester:Fetching:MaxPageBytes"] = "1048576",
                ["FeedHarvester:Scheduling:MaxConcurrentFeeds"] = "16",
            });
            Elapsed = clock.Elapsed;
        }

        public async Task DisposeAsync()
        {
            Runner.Dispose();
            await Site.DisposeAsync();
            await Bait.DisposeAsync();
        }

        private void ServeFaults()
        {
            Site.Handle("/f/ratelimited/feed.xml", response =>
            {
                response.StatusCode = 429;
                response.Headers["Retry-After"] = "120";
                return Task.CompletedTask;
            });
            Site.ServeStatus("/f/error/feed.xml", 500);
            Site.ServeStatus("/f/missing/feed.xml", 404);
            Site.ServeStatus("/f/gone/feed.xml", 410);
            Site.Handle("/f/loop/feed.xml", Redirect(301, "/f/loop/feed-b.xml"));
            Site.Handle("/f/loop/feed-b.xml", Redirect(302, "feed.xml"));
            Site.Handle("/f/slow/feed.xml", async response =>
            {
                response.ContentType = "application/rss+xml";
                response.SendChunked = true;
                var chunk = Encoding.UTF8.GetBytes("<!-- drip -->\n");
                for (var i = 0; i < 200; i++)
                {
                    await response.OutputStream.WriteAsync(chunk);
                    await response.OutputStream.FlushAsync();
                    await Task.Delay(100);
                }
            });
            Site.Serve("/f/notxml/feed.xml", "application/rss+xml", "this is not a feed, just prose & an ampersand");
            Site.Serve("/f/laughs/feed.xml", "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """);
            Site.Serve("/f/xxe/feed.xml", "application/rss+xml", $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY host SYSTEM "file:///etc/hostname"><!ENTITY % remote SYSTEM "{Bait.Url("/xxe.dtd")}"> %remote;]>
                <rss version="2.0"><channel><title>x</title><item><title>&host;</title><link>{Site.Url("/rss/a/0.html")}</link></item></channel></rss>
                """);
            Site.Handle("/f/private/feed.xml", Redirect(302, Bait.Url("/private-feed.xml").AbsoluteUri));
            Site.Serve("/f/ssrf/feed.xml", "application/rss+xml", $"""
                <rss version="2.0"><channel><title>ssrf</title><link>{Site.BaseUrl}</link><description>d</description>
                <item><title>One</title><link>http://127.0.0.2:{Bait.Port}/latest/meta-data/</link><description>Feed text one.</description></item>
                <item><title>Two</title><link>http://localhost:{Bait.Port}/admin</link><description>Feed text two.</description></item>
                <item><title>Three</title><link>{Site.Url("/f/ssrf/go")}</link><description>Feed text three.</description></item>
                </channel></rss>
                """);
            Site.Handle("/f/ssrf/go", Redirect(302, $"http://127.0.0.1:{Bait.Port}/latest/meta-data/"));
            Site.Serve("/f/huge/feed.xml", "application/rss+xml", $"""
                <rss version="2.0"><channel><title>huge</title><link>{Site.BaseUrl}</link><description>d</description>
                <item><title>Huge</title><link>{Site.Url("/f/huge/a/1.html")}</link><guid>huge-1</guid><description>The huge page's teaser.</description></item>
                </channel></rss>
                """);
            Site.Serve("/f/huge/a/1.html", "text/html", Encoding.UTF8.GetBytes("<html><body>" + new string('x', 3 * 1024 * 1024) + "</body></html>"));
        }

        private static Func<System.Net.HttpListenerResponse, Task> Redirect(int status, string location) => response =>
        {
            response.StatusCode = status;
            response.RedirectLocation = location;
            return Task.CompletedTask;
        };
    }
}

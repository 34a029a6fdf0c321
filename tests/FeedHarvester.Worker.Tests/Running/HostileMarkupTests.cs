using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Running;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Tests.Running;

/// <summary>
/// Feeds and pages built to exhaust the parser, extractor and sanitizer, beside healthy feeds, on loopback: the
/// process lives, every hostile case ends in one warning naming it, its article falls back to the feed's content
/// with a coded reason, and the healthy feeds are harvested in full.
/// </summary>
public sealed class HostileMarkupTests(HostileMarkupTests.HostileRun run) : IClassFixture<HostileMarkupTests.HostileRun>
{
    /// <summary>Hostile page path → the code its article's fallback_reason starts with.</summary>
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/h/p/deep.html"] = "too_deeply_nested: ",
        ["/h/p/many.html"] = "too_many_elements: ",
    };

    /// <summary>Feeds whose own content is hostile: each is recovered, with one warning naming it.</summary>
    private static readonly string[] Feeds = ["/h/atom-deep.xml", "/h/json-deep.json", "/h/rss-escaped-deep.xml"];

    [Fact]
    public void RunOnce_HostilePages_FallBackToTheFeedWithTheirCodeAndOneWarning()
    {
        var records = run.Runner.ReadOutput();
        var warnings = run.Runner.Logs.At(LogLevel.Warning).ToList();
        foreach (var (path, code) in Pages)
        {
            var url = run.Site.Url(path).AbsoluteUri;
            var record = Assert.Single(records, r => r.GetProperty("url").GetString() == url);
            var extraction = record.GetProperty("extraction");
            Assert.Equal("feed", extraction.GetProperty("method").GetString());
            Assert.StartsWith(code, extraction.GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
            Assert.Single(warnings, line => line.Contains(url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RunOnce_HundredThousandFlatParagraphs_ExtractedFromThePage()
    {
        var url = run.Site.Url("/h/p/flat.html").AbsoluteUri;
        var record = Assert.Single(run.Runner.ReadOutput(), r => r.GetProperty("url").GetString() == url);

        Assert.Equal("page", record.GetProperty("extraction").GetProperty("method").GetString());
        Assert.EndsWith("Paragraph 99999 of the flat page.", record.GetProperty("content_text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RunOnce_FeedsWithHostileContent_RecoveredWithTheirTextAndOneWarning()
    {
        var records = run.Runner.ReadOutput();
        var warnings = run.Runner.Logs.At(LogLevel.Warning).ToList();
        foreach (var path in Feeds)
        {
            var feedUrl = run.Site.Url(path).AbsoluteUri;
            Assert.Single(warnings, line => line.Contains(feedUrl, StringComparison.Ordinal));
            var record = Assert.Single(records, r => r.GetProperty("feed_url").GetString() == feedUrl);
            Assert.Contains("deep text", record.GetProperty("content_text").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(run.Summary.Failures);
    }

    [Fact]
    public void RunOnce_HostileCases_HealthyFeedsHarvestedInFullAndOnce()
    {
        var urls = run.Runner.ReadOutput().Select(r => r.GetProperty("url").GetString()!).ToList();

        Assert.All(run.News.ArticleUrls, url => Assert.Single(urls, u => u == url));
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RunOnce_HostileCases_FinishInBoundedTime() =>
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(120), $"run took {run.Elapsed}");

    /// <summary>One run over every hostile case, shared by the tests that read it.</summary>
    public sealed class HostileRun : IAsyncLifetime
    {
        public LoopbackSite Site { get; } = new();

        public HarvestRunner Runner { get; private set; } = null!;

        public TestNewsSite News { get; private set; } = null!;

        internal HarvestSummary Summary { get; private set; } = null!;

        public TimeSpan Elapsed { get; private set; }

        public async Task InitializeAsync()
        {
            News = new TestNewsSite(Site, itemsPerFeed: 3);
            Serve();
            Runner = new HarvestRunner(Site);
            var feeds = News.WriteFeedList(Runner.DataDirectory);
            File.AppendAllLines(feeds, [.. Feeds.Append("/h/pages.xml").Select(path => Site.Url(path).AbsoluteUri)]);
            var clock = Stopwatch.StartNew();
            // The flat page is linear work of a few seconds; on a loaded machine that must not become a budget stop
            // (the budget has its own tests in the extractor's).
            Summary = await Runner.RunOnceInProcessAsync(feeds, new Dictionary<string, string?>
            {
                ["FeedHarvester:Extraction:PageTimeBudget"] = "00:02:00",
            });
            Elapsed = clock.Elapsed;
        }

        public async Task DisposeAsync()
        {
            Runner.Dispose();
            await Site.DisposeAsync();
        }

        // Markup written as is (5 MB), not as \u003C escapes that would take the feed past Fetching:MaxFeedBytes.
        private static readonly JsonSerializerOptions RawMarkup = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

        private void Serve()
        {
            var missing = Site.Url("/h/missing/");
            Site.Serve("/h/atom-deep.xml", "application/atom+xml",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><id>urn:deep</id><updated>2026-01-01T00:00:00Z</updated>" +
                $"<entry><title>Deep atom</title><id>urn:deep:1</id><link href=\"{missing}atom.html\"/><updated>2026-01-01T00:00:00Z</updated>" +
                "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + Repeat("<div>", 100_000) + "deep text" +
                Repeat("</div>", 100_000) + "</div></content></entry></feed>");
            Site.Serve("/h/json-deep.json", "application/feed+json", JsonSerializer.Serialize(new
            {
                version = "https://jsonfeed.org/version/1.1",
                title = "Deep",
                items = new[] { new { id = "json-deep", url = missing + "json.html", content_html = Repeat("<div>", 1_000_000) + "deep text" } },
            }, RawMarkup));
            Site.Serve("/h/rss-escaped-deep.xml", "application/rss+xml",
                $"<rss version=\"2.0\"><channel><title>Deep</title><link>{Site.BaseUrl}</link><description>d</description>" +
                $"<item><title>Deep rss</title><link>{missing}rss.html</link><description>" +
                System.Security.SecurityElement.Escape(Repeat("<div>", 20_000) + "deep text" + Repeat("</div>", 20_000)) +
                "</description></item></channel></rss>");
            foreach (var name in new[] { "atom", "json", "rss" })
            {
                Site.ServeStatus($"/h/missing/{name}.html", 404);
            }

            Site.Serve("/h/pages.xml", "application/rss+xml",
                $"<rss version=\"2.0\"><channel><title>Hostile pages</title><link>{Site.BaseUrl}</link><description>d</description>" +
                string.Concat(new[] { "deep", "many", "flat" }.Select(name =>
                    $"<item><title>Page {name}</title><link>{Site.Url($"/h/p/{name}.html")}</link><guid>{name}</guid>" +
                    $"<description>The feed's own text for the {name} page.</description></item>")) +
                "</channel></rss>");
            Site.Serve("/h/p/deep.html", "text/html", "<html><body>" + Repeat("<div>", 1_000_000) + "text</body></html>");
            Site.Serve("/h/p/many.html", "text/html", "<html><body>" + Repeat("<p>a", 1_000_000) + "</body></html>");
            var flat = new StringBuilder("<html><head><title>Flat</title></head><body>");
            for (var i = 0; i < 100_000; i++)
            {
                _ = flat.Append("<p>Paragraph ").Append(i).Append(" of the flat page.</p>");
            }

            Site.Serve("/h/p/flat.html", "text/html", flat.Append("</body></html>").ToString());
        }
    }
}

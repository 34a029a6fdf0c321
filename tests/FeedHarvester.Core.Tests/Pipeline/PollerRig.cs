using System.Globalization;
using System.Text;
using FeedHarvester.Cleaning;
using FeedHarvester.Deduplication;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using FeedHarvester.Pipeline;
using FeedHarvester.Tests.Shared;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Pipeline;

/// <summary>
/// The feed poller and entry harvester wired to real stages (fetcher, parser, extractor, cleaner, normalizer) over
/// in-memory fakes: a web site, the lease, the feed state store, the dedupe store and the sink.
/// </summary>
internal sealed class PollerRig : IDisposable
{
    public const string Host = "http://news.example";
    public const string FeedPath = "/feed.xml";
    public const string NewETag = "\"v2\"";

    public static readonly DateTimeOffset Start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly EmitPump _emitter;

    public PollerRig(bool leaseHeldElsewhere = false, FetchingOptions? fetching = null)
    {
        Fetching = fetching ?? new FetchingOptions();
        Fetching.RespectRobotsTxt = false;
        Lease = new FakeLease(leaseHeldElsewhere);
        Sink = new MemorySink(Dedupe);
        _emitter = new EmitPump(Sink, Logs.CreateLogger<EmitPump>(), Scheduling, Time);
        var fetcher = new HttpFetcher(new HttpClient(Site), new HostLimiter(4), Options.Create(Fetching), Time);
        Harvester = new EntryHarvester(
            Dedupe,
            new DedupeKeyBuilder(new DeduplicationOptions()),
            new PageFetcher(fetcher, Fetching, Metrics),
            new ExtractionRunner(new ArticleExtractor(), Scheduling, Logs.CreateLogger<ExtractionRunner>(), Metrics),
            HtmlCleaner.Unbounded(),
            new ArticleNormalizer(),
            _emitter,
            Scheduling,
            Logs.CreateLogger<EntryHarvester>(),
            Metrics);
        var transitions = new FeedStateTransitions(new PollSchedule(Scheduling, () => 0.5), Scheduling);
        Poller = new FeedPoller(Lease, States, fetcher, new FeedParser(), Harvester, _emitter, transitions, Time, Logs.CreateLogger<FeedPoller>(), Metrics);
    }

    public static FeedDefinition Feed { get; } = new(new Uri(Host + FeedPath));

    public static string FeedUrl => Feed.Url.AbsoluteUri;

    public FakeTimeProvider Time { get; } = new(Start);

    public SchedulingOptions Scheduling { get; } = new() { JitterFraction = 0 };

    public FetchingOptions Fetching { get; }

    public MemorySite Site { get; } = new();

    public FakeLease Lease { get; }

    public MemoryFeedStates States { get; } = new();

    public MemoryDedupeStore Dedupe { get; } = new();

    public MemorySink Sink { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public HarvestMetrics Metrics { get; } = new();

    public FeedPoller Poller { get; }

    public EntryHarvester Harvester { get; }

    public static string ArticleUrl(int n) => $"{Host}/a/{n}.html";

    public Task<PollReport> PollAsync(bool followStoredSchedule = false) => Poller.PollAsync(Feed, CancellationToken.None, followStoredSchedule);

    /// <summary>Serves the feed with <paramref name="articles"/> items (ETag <see cref="NewETag"/>) and, unless told not to, each item's page.</summary>
    public void ServeFeed(int articles, bool pages = true)
    {
        Site.Serve(FeedPath, "application/rss+xml", FeedXml(articles), NewETag);
        for (var n = 1; pages && n <= articles; n++)
        {
            Site.Serve($"/a/{n}.html", "text/html; charset=utf-8", PageHtml(n));
        }
    }

    public static string FeedXml(int articles)
    {
        var items = new StringBuilder();
        for (var n = 1; n <= articles; n++)
        {
            _ = items.Append(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>Story {n}</title>
                  <link>{ArticleUrl(n)}</link>
                  <guid>{ArticleUrl(n)}</guid>
                  <pubDate>Mon, 02 Jun 2025 0{n % 10}:00:00 GMT</pubDate>
                  <description>Story {n} in one line from the feed.</description>
                </item>
                """);
        }

        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title><link>{Host}/</link>{items}</channel></rss>""";
    }

    /// <summary>An article page of several long paragraphs with a relative link, a handler and a script: what only the clean step settles.</summary>
    public static string PageHtml(int n)
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(p =>
            $"<p>Story {n}, paragraph {p}: the council met on Tuesday evening and agreed, after a long debate about the budget, " +
            "to review the plan for the <a href=\"/plans/library.html\" onclick=\"track()\" style=\"color:red\">new library</a> before the end of the year, with residents invited to comment.</p>"));
        return $"""
            <!doctype html><html><head><title>Story {n}</title></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Story {n}</h1>{paragraphs}<script>steal(document.cookie)</script></article></body></html>
            """;
    }

    public void Dispose()
    {
        _emitter.Dispose();
        Metrics.Dispose();
        Site.Dispose();
    }
}

using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Running;
using Microsoft.Extensions.Logging;
using Route = System.Func<FeedHarvester.Tests.Support.LoopbackRequest, System.IO.Stream, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace FeedHarvester.Tests.Running;

/// <summary>
/// Issue 14, items 2 and 4, end to end: broken page bodies (gzip header over plain bytes, shorter than
/// Content-Length, reset mid-body) are their pages' outcomes and never abort the feed; feeds with such bodies fail
/// with their own outcome and one log line; a feed or page declaring UTF-7 is harvested as if it declared nothing.
/// </summary>
public sealed class BrokenBodyTests(BrokenBodyTests.BrokenRun run) : IClassFixture<BrokenBodyTests.BrokenRun>
{
    /// <summary>Page number in the mixed feed → the code its fallback reason must start with.</summary>
    private static readonly Dictionary<int, string> BrokenPages = new()
    {
        [3] = "CorruptBody: ",
        [5] = "TruncatedBody: ",
        [7] = "TruncatedBody: ",
    };

    /// <summary>Feed path → the outcome its poll must end with.</summary>
    private static readonly Dictionary<string, string> BrokenFeeds = new()
    {
        ["/gzip/feed.xml"] = "CorruptBody",
        ["/short/feed.xml"] = "TruncatedBody",
        ["/reset/feed.xml"] = "TruncatedBody",
    };

    [Fact]
    public void RunOnce_FeedWithThreeBrokenPages_AllTenEmitted()
    {
        var records = run.RecordsOf("/mixed/feed.xml");

        Assert.Equal(10, records.Count);
        Assert.Equal(7, records.Count(r => Method(r) == "page"));
    }

    [Fact]
    public void RunOnce_BrokenPages_EmittedFromTheFeedWithTheirFailureCode()
    {
        var records = run.RecordsOf("/mixed/feed.xml");
        foreach (var (page, code) in BrokenPages)
        {
            var url = run.Server.Url($"/mixed/p{page}").AbsoluteUri;
            var record = Assert.Single(records, r => r.GetProperty("url").GetString() == url);
            var extraction = record.GetProperty("extraction");
            Assert.Equal("feed", extraction.GetProperty("method").GetString());
            Assert.StartsWith(code, extraction.GetProperty("fallback_reason").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RunOnce_FeedWithABrokenBody_FailsWithItsOutcomeAndOneWarning()
    {
        var warnings = run.Runner.Logs.At(LogLevel.Warning).ToList();
        foreach (var (path, outcome) in BrokenFeeds)
        {
            var url = run.Server.Url(path).AbsoluteUri;
            var report = run.Summary.Failures.SingleOrDefault(f => f.FeedUrl == url);
            Assert.True(report is not null, $"{path}: no failure reported");
            Assert.Equal(outcome, report.Outcome.Code);
            Assert.Single(warnings, line => line.Contains(url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RunOnce_BrokenBodies_NoInternalErrorLogged() =>
        Assert.Empty(run.Runner.Logs.At(LogLevel.Error));

    [Fact]
    public void RunOnce_HealthyAndUtf7Feeds_HarvestedInFull()
    {
        Assert.Equal(3, run.Summary.FeedsOk);
        Assert.Equal(10, run.RecordsOf("/healthy/feed.xml").Count(r => Method(r) == "page"));
        Assert.Equal(10, run.RecordsOf("/utf7/feed.xml").Count(r => Method(r) == "page"));
    }

    [Fact]
    public void RunOnce_Utf7Page_DecodedAsUtf8WithOneNote()
    {
        var url = run.Server.Url("/utf7/p2").AbsoluteUri;
        var record = Assert.Single(run.RecordsOf("/utf7/feed.xml"), r => r.GetProperty("url").GetString() == url);

        Assert.Contains("Zürich +ADw-b+AD4-", record.GetProperty("content_text").GetString(), StringComparison.Ordinal);
        Assert.Single(run.Runner.Logs.At(LogLevel.Information), line => line.Contains(url, StringComparison.Ordinal) && line.Contains("\"utf-7\"", StringComparison.Ordinal));
    }

    [Fact]
    public void RunOnce_Utf7Feed_OneNoteNamingTheFeed()
    {
        var url = run.Server.Url("/utf7/feed.xml").AbsoluteUri;

        Assert.Single(run.Runner.Logs.At(LogLevel.Information), line => line.Contains(url, StringComparison.Ordinal) && line.Contains("\"utf-7\" (from http) ignored", StringComparison.Ordinal));
    }

    private static string? Method(JsonElement record) => record.GetProperty("extraction").GetProperty("method").GetString();

    /// <summary>One run over every broken case, shared by the tests that read it.</summary>
    public sealed class BrokenRun : IAsyncLifetime
    {
        private static readonly string[] Words =
        [
            "council", "river", "budget", "harbour", "school", "railway", "festival", "weather", "market", "hospital",
            "library", "museum", "bridge", "election", "farmers", "orchestra", "volunteers", "tunnel", "airport", "garden",
        ];

        public LoopbackServer Server { get; private set; } = null!;

        public HarvestRunner Runner { get; } = new();

        internal HarvestSummary Summary { get; private set; } = null!;

        public List<JsonElement> RecordsOf(string feedPath) =>
            Runner.ReadOutput().Where(r => r.GetProperty("feed_url").GetString() == Server.Url(feedPath).AbsoluteUri).ToList();

        public async Task InitializeAsync()
        {
            Server = new LoopbackServer(Routes());
            var feeds = Path.Combine(Runner.DataDirectory, "feeds.txt");
            File.WriteAllLines(feeds, new[] { "/mixed/feed.xml", "/healthy/feed.xml", "/utf7/feed.xml" }.Concat(BrokenFeeds.Keys).Select(p => Server.Url(p).AbsoluteUri));
            Summary = await Runner.RunOnceInProcessAsync(feeds, new Dictionary<string, string?>
            {
                ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = Server.HostPort,
                ["FeedHarvester:Fetching:RespectRobotsTxt"] = "false",
                ["Logging:LogLevel:Default"] = "Information",
            });
        }

        public async Task DisposeAsync()
        {
            Runner.Dispose();
            await Server.DisposeAsync();
        }

        // Feeds are built when requested: their links need the server's port.
        private Dictionary<string, Route> Routes()
        {
            var routes = new Dictionary<string, Route>();
            foreach (var name in new[] { "mixed", "healthy", "utf7", "gzip", "short", "reset" })
            {
                for (var i = 0; i < 10; i++)
                {
                    routes[$"/{name}/p{i}"] = Send(Head(200, "text/html; charset=utf-8"), Page(name, i));
                }
            }

            routes["/mixed/feed.xml"] = (r, s, c) => Send(Head(200, "application/rss+xml"), Feed("mixed"))(r, s, c);
            routes["/healthy/feed.xml"] = (r, s, c) => Send(Head(200, "application/rss+xml"), Feed("healthy"))(r, s, c);
            routes["/utf7/feed.xml"] = (r, s, c) => Send(Head(200, "application/rss+xml; charset=utf-7"), Feed("utf7"))(r, s, c);
            routes["/utf7/p2"] = Send(Head(200, "text/html; charset=utf-7"), Page("utf7", 2, "Zürich +ADw-b+AD4-"));
            routes["/mixed/p3"] = Send(Head(200, "text/html", ("Content-Encoding", "gzip")), Page("mixed", 3));
            routes["/mixed/p5"] = Cut(Head(200, "text/html"), Page("mixed", 5), reset: false);
            routes["/mixed/p7"] = Cut(Head(200, "text/html"), Page("mixed", 7), reset: true);
            routes["/gzip/feed.xml"] = (r, s, c) => Send(Head(200, "application/rss+xml", ("Content-Encoding", "gzip")), Feed("gzip"))(r, s, c);
            routes["/short/feed.xml"] = (r, s, c) => Cut(Head(200, "application/rss+xml"), Feed("short"), reset: false)(r, s, c);
            routes["/reset/feed.xml"] = (r, s, c) => Cut(Head(200, "application/rss+xml"), Feed("reset"), reset: true)(r, s, c);
            return routes;
        }

        private byte[] Feed(string name)
        {
            var items = string.Concat(Enumerable.Range(0, 10).Select(i =>
                $"<item><title>{name} story {i}</title><link>{Server.Url($"/{name}/p{i}")}</link><guid>{name}-{i}</guid><description>{Text(name, 100 + i, 40)}</description></item>"));
            return Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>{name}</title><link>{Server.Url("/")}</link><description>d</description>{items}</channel></rss>");
        }

        private static byte[] Page(string name, int i, string extra = "")
        {
            var paragraphs = string.Concat(Enumerable.Range(0, 5).Select(p => $"<p>{Text(name, i * 10 + p, 60)} {extra}</p>"));
            return Encoding.UTF8.GetBytes($"<!DOCTYPE html><html lang=\"en\"><head><title>{name} story {i}</title></head><body><article><h1>{name} story {i}</h1>{paragraphs}</article></body></html>");
        }

        // Distinct text per feed and page, so no article is a near-copy of another.
        private static string Text(string name, int seed, int words)
        {
            var state = (uint)seed * 7919u + 17u;
            foreach (var c in name)
            {
                state = (state * 31u) + c;
            }

            var text = new StringBuilder();
            for (var k = 0; k < words; k++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                _ = text.Append(Words[state % (uint)Words.Length]).Append(k % 12 == 11 ? ". " : " ");
            }

            return text.ToString().Trim();
        }

        private static string Head(int status, string contentType, params (string Name, string Value)[] headers) =>
            string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} OK\r\nContent-Type: {contentType}\r\n")
            + string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n"));

        private static Route Send(string head, byte[] body) => async (_, stream, cancellationToken) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n")), cancellationToken);
            await stream.WriteAsync(body, cancellationToken);
        };

        /// <summary>Declares the whole body, sends half, then closes (FIN) or resets (RST) the connection.</summary>
        private static Route Cut(string head, byte[] body, bool reset) => async (_, stream, cancellationToken) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head + string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n")), cancellationToken);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (reset)
            {
                // Long enough for the client to be reading the body, so the reset meets a read and not the head.
                await Task.Delay(200, cancellationToken);
                var socket = ((NetworkStream)stream).Socket;
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
                socket.Close();
            }
        };
    }
}

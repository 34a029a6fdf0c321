using System.Globalization;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
using Route = System.Func<FeedHarvester.Tests.Support.LoopbackRequest, System.IO.Stream, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace FeedHarvester.Tests.Fetching;

/// <summary>
/// Issue 14, item 2: a body that breaks off or does not decode is the fetch's failure value, for pages and
/// feeds alike, never an exception out of the fetch.
/// </summary>
public sealed class HttpFetcherBrokenBodyTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>The council met on Tuesday.</p>", 60)) + "</body></html>");

    [Fact]
    public async Task Fetch_GzipHeaderOverAPlainBody_CorruptBodyNamingThePage()
    {
        await using var server = new LoopbackServer(Raw(Head(200, Page.Length, ("Content-Encoding", "gzip")), Page));
        var url = server.Url("/a/1.html");

        var result = await Fetcher(server).PageAsync(url);

        Assert.Equal(FetchStatus.Failure, result.Status);
        Assert.Equal(FetchFailureKind.CorruptBody, result.FailureKind);
        Assert.StartsWith($"fetch: body of {url.AbsoluteUri} cannot be decoded", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Fetch_OtherContentEncodingOverGarbage_CorruptBody(string encoding)
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray();
        await using var server = new LoopbackServer(Raw(Head(200, garbage.Length, ("Content-Encoding", encoding)), garbage));

        var result = await Fetcher(server).PageAsync(server.Url("/a/1.html"));

        Assert.Equal(FetchFailureKind.CorruptBody, result.FailureKind);
    }

    [Fact]
    public async Task Fetch_BodyShorterThanContentLengthThenClose_TruncatedBodyWithBothCounts()
    {
        var half = Page.Length / 2;
        await using var server = new LoopbackServer(Raw(Head(200, Page.Length), Page[..half]));

        var result = await Fetcher(server).PageAsync(server.Url("/a/1.html"));

        Assert.Equal(FetchFailureKind.TruncatedBody, result.FailureKind);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"broke off after {half} of {Page.Length} bytes"), result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ConnectionResetMidBody_TruncatedBody()
    {
        await using var server = new LoopbackServer(ResetAfter(Head(200, Page.Length), Page[..(Page.Length / 2)]));

        var result = await Fetcher(server).PageAsync(server.Url("/a/1.html"));

        Assert.Equal(FetchFailureKind.TruncatedBody, result.FailureKind);
        Assert.Contains("broke off", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_BrokenChunkedFraming_CorruptBody()
    {
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        await using var server = new LoopbackServer(Raw(head, Encoding.ASCII.GetBytes("f\r\n<html><body>abc\r\nzz-not-a-chunk-size\r\n")));

        var result = await Fetcher(server).PageAsync(server.Url("/a/1.html"));

        Assert.Equal(FetchFailureKind.CorruptBody, result.FailureKind);
    }

    [Fact]
    public async Task Fetch_FeedWithACorruptOrCutBody_SameFailureValuesAsAPage()
    {
        var feed = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>t</title>" + string.Concat(Enumerable.Repeat("<item><title>x</title></item>", 50)) + "</channel></rss>");
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/gzip.xml"] = Raw(Head(200, feed.Length, ("Content-Encoding", "gzip")), feed),
            ["/short.xml"] = Raw(Head(200, feed.Length), feed[..100]),
            ["/reset.xml"] = ResetAfter(Head(200, feed.Length), feed[..100]),
        });
        var fetcher = Fetcher(server);

        Assert.Equal(FetchFailureKind.CorruptBody, (await fetcher.FeedAsync(server.Url("/gzip.xml"))).FailureKind);
        Assert.Equal(FetchFailureKind.TruncatedBody, (await fetcher.FeedAsync(server.Url("/short.xml"))).FailureKind);
        Assert.Equal(FetchFailureKind.TruncatedBody, (await fetcher.FeedAsync(server.Url("/reset.xml"))).FailureKind);
    }

    [Fact]
    public async Task Fetch_ValidGzip_StillDecoded()
    {
        var gzip = Gzip(Page);
        await using var server = new LoopbackServer(Raw(Head(200, gzip.Length, ("Content-Encoding", "gzip")), gzip));

        var result = await Fetcher(server).PageAsync(server.Url("/a/1.html"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(Page, result.Body.ToArray());
    }

    [Fact]
    public async Task Fetch_RobotsTxtWithACorruptBody_PageFetchedAsIfNoRules()
    {
        var robots = Encoding.ASCII.GetBytes("User-agent: *\nDisallow: /\n");
        await using var server = new LoopbackServer(new Dictionary<string, Route>
        {
            ["/robots.txt"] = Raw(Head(200, robots.Length, ("Content-Encoding", "gzip")), robots),
            ["/a/1.html"] = Raw(Head(200, Page.Length), Page),
        });
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.RespectRobotsTxt = true;

        var result = await LoopbackFetcher.Create(options).PageAsync(server.Url("/a/1.html"));

        // Like an unreachable robots.txt (RFC 9309 2.3.1.4 lets a crawler proceed when it cannot read the file).
        Assert.Equal(FetchStatus.Content, result.Status);
    }

    private static HttpFetcher Fetcher(LoopbackServer server) => LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

    private static string Head(int status, int contentLength, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} OK\r\nContent-Type: text/html\r\nContent-Length: {contentLength}\r\n");
        foreach (var (name, value) in headers)
        {
            _ = head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        return head.Append("Connection: close\r\n\r\n").ToString();
    }

    /// <summary>Writes exactly these bytes, whatever the head promised, then closes normally.</summary>
    private static Route Raw(string head, byte[] body) => async (_, stream, cancellationToken) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    };

    /// <summary>Writes the head and part of the body, then resets the connection (RST, not FIN).</summary>
    private static Route ResetAfter(string head, byte[] part) => async (_, stream, cancellationToken) =>
    {
        await Raw(head, part)(null!, stream, cancellationToken);

        // Long enough for the client to be reading the body, so the reset meets a read and not the head.
        await Task.Delay(200, cancellationToken);
        var socket = ((NetworkStream)stream).Socket;
        socket.LingerState = new LingerOption(enable: true, seconds: 0);
        socket.Close();
    };

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

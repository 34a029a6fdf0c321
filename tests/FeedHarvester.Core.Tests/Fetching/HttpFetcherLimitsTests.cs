using System.Diagnostics;
using System.IO.Compression;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Fetching;

/// <summary>Hostile bodies: a slow drip that would outlast the time limit and a gzip bomb. Not run in parallel, so the allocation figure is ours.</summary>
[Collection(nameof(AllocationSensitive))]
public sealed class HttpFetcherLimitsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Fetch_SlowDripBody_EndsAtTheTimeLimitNotAtTheEndOfTheBody()
    {
        await using var server = new LoopbackServer(SlowDrip(totalBytes: 200, bytesPerTick: 5));
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.Timeout = Limit;
        var fetcher = LoopbackFetcher.Create(options);

        var watch = Stopwatch.StartNew();
        var result = await fetcher.FeedAsync(server.Url("/f/slow/feed.xml"));
        watch.Stop();

        // The whole body would take 4 s at 5 bytes per 100 ms.
        Assert.Equal(FetchFailureKind.Timeout, result.FailureKind);
        Assert.InRange(watch.Elapsed, Limit - TimeSpan.FromMilliseconds(50), Limit + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Fetch_SlowResponseOnAOneSlotHost_SlotFreedAtTheTimeLimit()
    {
        await using var server = new LoopbackServer(new Dictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>>
        {
            ["/slow.xml"] = SlowDrip(totalBytes: 200, bytesPerTick: 5),
            ["/fast.xml"] = LoopbackResponse.Text("<rss/>"),
        });
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.Timeout = Limit;
        options.MaxConcurrentRequestsPerHost = 1;
        var fetcher = LoopbackFetcher.Create(options);

        var watch = Stopwatch.StartNew();
        var slow = fetcher.FeedAsync(server.Url("/slow.xml"));
        await WaitForRequestAsync(server, "/slow.xml");
        var fast = await fetcher.FeedAsync(server.Url("/fast.xml"));
        watch.Stop();

        Assert.Equal(FetchStatus.Content, fast.Status);
        Assert.Equal(FetchFailureKind.Timeout, (await slow).FailureKind);
        Assert.True(watch.Elapsed < Limit + TimeSpan.FromSeconds(1.5), $"the fast feed waited {watch.Elapsed}");
    }

    [Fact]
    public async Task Fetch_GzipBomb_TooLargeWithFlatMemory()
    {
        const long inflated = 256L * 1024 * 1024;
        var bomb = GzipBomb(inflated);
        await using var server = new LoopbackServer((_, stream, cancellationToken) => LoopbackResponse.WriteAsync(
            stream, 200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], bomb, cancellationToken));
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.MaxPageBytes = 1024 * 1024;
        var fetcher = LoopbackFetcher.Create(options);
        _ = await fetcher.PageAsync(server.Url("/warm-up"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await fetcher.PageAsync(server.Url("/f/huge/a/1.html"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(FetchFailureKind.TooLarge, result.FailureKind);
        Assert.Contains("after decompression", result.Message, StringComparison.Ordinal);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb itself is {bomb.Length} bytes");
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated} bytes for a {inflated}-byte bomb");
    }

    [Fact]
    public async Task Fetch_CompressedBodyJustUnderTheLimit_Accepted()
    {
        var body = Gzip(new byte[64 * 1024]);
        await using var server = new LoopbackServer((_, stream, cancellationToken) => LoopbackResponse.WriteAsync(
            stream, 200, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body, cancellationToken));
        var options = LoopbackFetcher.Allowing(server.HostPort);
        options.MaxPageBytes = 64 * 1024;
        var fetcher = LoopbackFetcher.Create(options);

        var result = await fetcher.PageAsync(server.Url("/page.html"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal(64 * 1024, result.Body.Length);
    }

    /// <summary>A 200 response whose body trickles out a few bytes every 100 ms, like /f/slow/feed.xml.</summary>
    private static Func<LoopbackRequest, Stream, CancellationToken, Task> SlowDrip(int totalBytes, int bytesPerTick) =>
        async (_, stream, cancellationToken) =>
        {
            await LoopbackResponse.WriteHeadAsync(stream, 200, [("Content-Type", "application/rss+xml"), ("Content-Length", totalBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
            for (var sent = 0; sent < totalBytes; sent += bytesPerTick)
            {
                await stream.WriteAsync(new byte[bytesPerTick], cancellationToken);
                await stream.FlushAsync(cancellationToken);
                await Task.Delay(100, cancellationToken);
            }
        };

    private static async Task WaitForRequestAsync(LoopbackServer server, string path)
    {
        for (var i = 0; i < 100 && server.RequestCount(path) == 0; i++)
        {
            await Task.Delay(10);
        }
    }

    // Concatenated gzip members of zeros: a few hundred KiB on the wire, hundreds of MiB inflated, built without inflating anything.
    private static byte[] GzipBomb(long inflated)
    {
        const int member = 8 * 1024 * 1024;
        var one = Gzip(new byte[member]);
        using var output = new MemoryStream();
        for (long written = 0; written < inflated; written += member)
        {
            output.Write(one);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}

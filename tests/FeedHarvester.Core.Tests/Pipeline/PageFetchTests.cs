using FeedHarvester.Extraction;
using FeedHarvester.Fetching;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class PageFetchTests
{
    [Fact]
    public void ReleasePage_GivesTheLentBytesBack()
    {
        var lease = new PooledBytes(System.Buffers.ArrayPool<byte>.Shared.Rent(8), 4);
        var fetch = PageFetch.Fetched(new HtmlPage(lease.Memory, "text/html", new Uri("http://127.0.0.1/a")), lease);
        Assert.Equal(4, lease.Memory.Length);

        fetch.ReleasePage();
        fetch.ReleasePage();

        Assert.True(lease.Memory.IsEmpty);
    }

    [Fact]
    public void ReleasePage_OfAPageWithItsOwnBytes_LeavesThemAlone()
    {
        var bytes = "<p>x</p>"u8.ToArray();
        var fetch = PageFetch.Fetched(new HtmlPage(bytes, "text/html", new Uri("http://127.0.0.1/a")));

        fetch.ReleasePage();

        Assert.Equal("<p>x</p>"u8.ToArray(), fetch.Page!.Body.ToArray());
    }
}

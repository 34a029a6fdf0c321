using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Fetching;

/// <summary>The charset in Content-Type must reach the decoders intact.</summary>
public sealed class HttpFetcherContentTypeTests
{
    [Theory]
    [InlineData("text/html; charset=windows-1251", "charset=windows-1251")]
    [InlineData("text/html;charset=ISO-8859-1", "charset=ISO-8859-1")]
    [InlineData("text/html; charset=\"utf-8\"", "utf-8")]
    public async Task Fetch_ContentTypeWithCharset_CharsetKept(string contentType, string expected)
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("<p>x</p>", contentType));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.PageAsync(server.Url("/page.html"));

        Assert.Contains(expected, result.ContentType, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("text/html", result.ContentType, StringComparison.OrdinalIgnoreCase);
    }
}

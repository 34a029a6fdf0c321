using System.Net;
using System.Net.Http.Headers;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FeedHarvester.Tests.Fetching;

public sealed class FreshnessTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("max-age=600", 600)]
    [InlineData("public, max-age=600, s-maxage=60", 600)]
    [InlineData("s-maxage=60", null)]
    [InlineData("no-cache, max-age=600", 0)]
    [InlineData("no-store", 0)]
    [InlineData("max-age=0", 0)]
    public void FreshFor_CacheControl_MaxAgeForAPrivateCache(string cacheControl, int? expectedSeconds)
    {
        var response = Response(("Cache-Control", cacheControl));

        Assert.Equal(Seconds(expectedSeconds), Freshness.FreshFor(response, Now));
    }

    [Fact]
    public void FreshFor_MaxAgeAndAge_AgeSubtracted()
    {
        var response = Response(("Cache-Control", "max-age=600"), ("Age", "100"));

        Assert.Equal(TimeSpan.FromSeconds(500), Freshness.FreshFor(response, Now));
    }

    [Fact]
    public void FreshFor_MaxAgeAndExpires_MaxAgeWins()
    {
        var response = Response(("Cache-Control", "max-age=60"), ("Expires", "Mon, 02 Jun 2025 14:00:00 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(60), Freshness.FreshFor(response, Now));
    }

    [Fact]
    public void FreshFor_ExpiresAndDate_MeasuredFromTheServersDate()
    {
        // The local clock is an hour off; Expires minus the server's Date still gives 30 minutes.
        var response = Response(("Expires", "Mon, 02 Jun 2025 13:30:00 GMT"), ("Date", "Mon, 02 Jun 2025 13:00:00 GMT"));

        Assert.Equal(TimeSpan.FromMinutes(30), Freshness.FreshFor(response, Now));
    }

    [Fact]
    public void FreshFor_ExpiresWithoutDate_MeasuredFromNow()
    {
        var response = Response(("Expires", "Mon, 02 Jun 2025 12:10:00 GMT"));

        Assert.Equal(TimeSpan.FromMinutes(10), Freshness.FreshFor(response, Now));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Mon, 02 Jun 2025 11:00:00 GMT")]
    public void FreshFor_InvalidOrPastExpires_Zero(string expires)
    {
        var response = Response(("Expires", expires));

        Assert.Equal(TimeSpan.Zero, Freshness.FreshFor(response, Now));
    }

    [Fact]
    public void FreshFor_NoCachingHeaders_Null()
    {
        Assert.Null(Freshness.FreshFor(Response(), Now));
    }

    [Fact]
    public async Task Fetch_ResponseWithMaxAge_FreshForOnTheResult()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml", 200, ("Cache-Control", "max-age=900")));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), new FakeTimeProvider(Now));

        var result = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(TimeSpan.FromMinutes(15), result.FreshFor);
    }

    [Fact]
    public async Task Fetch_NotModifiedWithExpires_FreshForOnTheResult()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Status(304, ("Expires", "Mon, 02 Jun 2025 12:20:00 GMT")));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort), new FakeTimeProvider(Now));

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml"), FetchKind.Feed, "\"v1\""), CancellationToken.None);

        Assert.Equal(FetchStatus.NotModified, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(20), result.FreshFor);
    }

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                _ = response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}

using System.Net;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Fetching;

/// <summary>The guard wired into the real handler, against listeners on loopback only (127.0.0.1, 127.0.0.2, ::1).</summary>
public sealed class PrivateAddressGuardEndToEndTests
{
    private static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Fetch_LoopbackServerNotAllowed_RefusedAndServerGetsNoConnection()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("<rss/>"));
        var fetcher = LoopbackFetcher.Create(new FetchingOptions { RespectRobotsTxt = false });

        var result = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Contains(server.Url("/feed.xml").AbsoluteUri, result.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Fetch_LoopbackServerAllowedByHostPort_ReturnsContent()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.FeedAsync(server.Url("/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal(1, server.RequestCount("/feed.xml"));
    }

    [Fact]
    public async Task Fetch_HostNameResolvingToLoopback_RefusedAtConnectWithoutAConnection()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("secret"));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(server.HostPort));

        var result = await fetcher.PageAsync(new Uri($"http://localhost:{server.Port}/admin"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Contains($"http://localhost:{server.Port}/admin", result.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData("http://localhost:{0}/admin")]
    [InlineData("http://0.0.0.0:{0}/admin")]
    [InlineData("http://[::1]:{0}/admin")]
    [InlineData("http://2130706433:{0}/admin")]
    [InlineData("http://127.0.0.1:{0}/admin")]
    public async Task Fetch_LoopbackAliasesOfABaitListener_AllRefusedAndBaitGetsNothing(string template)
    {
        await using var bait = new LoopbackServer(LoopbackResponse.Text("bait"));
        await using var bait6 = LoopbackServer.IPv6LoopbackAvailable() ? new LoopbackServer(LoopbackResponse.Text("bait"), IPAddress.IPv6Loopback) : null;
        // Allowing the farm-like server on another port must not open the bait port.
        await using var farm = new LoopbackServer(LoopbackResponse.Text("farm"));
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(farm.HostPort));
        var port = template.Contains("[::1]", StringComparison.Ordinal) && bait6 is not null ? bait6.Port : bait.Port;

        var result = await fetcher.PageAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, port)));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.StartsWith("fetch: refused http://", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, bait.Connections);
        Assert.Equal(0, bait6?.Connections ?? 0);
    }

    [Fact]
    public async Task Fetch_RedirectFromAllowedServerToSecondLoopbackAddress_RefusedAndTargetGetsNothing()
    {
        await using var metadata = new LoopbackServer(LoopbackResponse.Text("credentials"), SecondLoopback);
        await using var farm = new LoopbackServer(new Dictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>>
        {
            ["/go"] = LoopbackResponse.Redirect(302, metadata.Url("/latest/meta-data/").AbsoluteUri),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(farm.HostPort));

        var result = await fetcher.PageAsync(farm.Url("/go"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Contains(metadata.Url("/latest/meta-data/").AbsoluteUri, result.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.2", result.Message, StringComparison.Ordinal);
        Assert.Equal(metadata.Url("/latest/meta-data/"), result.FinalUrl);
        Assert.Equal(1, farm.RequestCount("/go"));
        Assert.Equal(0, metadata.Connections);
    }

    [Fact]
    public async Task Fetch_RedirectToAnotherPortOnAllowedAddressViaHostName_RefusedAtConnect()
    {
        await using var admin = new LoopbackServer(LoopbackResponse.Text("admin"));
        await using var farm = new LoopbackServer(new Dictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>>
        {
            ["/go"] = LoopbackResponse.Redirect(301, $"http://localhost:{admin.Port}/admin"),
        });
        var fetcher = LoopbackFetcher.Create(LoopbackFetcher.Allowing(farm.HostPort));

        var result = await fetcher.PageAsync(farm.Url("/go"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Null(result.PermanentRedirect);
        Assert.Equal(0, admin.Connections);
    }

    [Fact]
    public async Task Fetch_GuardTurnedOff_LoopbackFetched()
    {
        await using var server = new LoopbackServer(LoopbackResponse.Text("ok"));
        var fetcher = LoopbackFetcher.Create(new FetchingOptions { BlockPrivateAddresses = false, RespectRobotsTxt = false });

        var result = await fetcher.PageAsync(server.Url("/"));

        Assert.Equal(FetchStatus.Content, result.Status);
    }
}

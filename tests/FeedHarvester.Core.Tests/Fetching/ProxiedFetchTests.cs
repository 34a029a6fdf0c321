using System.Text;
using FeedHarvester.Fetching;
using FeedHarvester.Tests.Support;

namespace FeedHarvester.Tests.Fetching;

/// <summary>
/// Fetches through a real forward proxy on loopback (<see cref="LoopbackProxy"/>), with names from a fixed table: a
/// name given a public address is carried by the proxy (which serves it from a loopback origin; nothing connects to
/// the public address), a name given an internal address must be refused before the proxy sees a connection.
/// </summary>
public sealed class ProxiedFetchTests
{
    private const string PublicAddress = "93.184.216.34";

    [Fact]
    public async Task Fetch_ThroughProxy_ProxyCarriesTheRequestAndTheContentComesBack()
    {
        await using var origin = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var proxy = new LoopbackProxy(LoopbackProxy.Upstream("feeds.example", origin));
        var resolver = Resolving(("feeds.example", [PublicAddress]));
        // The proxy's own 127.0.0.1:port is not in AllowedPrivateHosts: the connect step lets it through as the proxy.
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), resolver);

        var result = await fetcher.FeedAsync(new Uri("http://feeds.example/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal("<rss/>", Encoding.UTF8.GetString(result.Body.Span));
        var carried = Assert.Single(proxy.Requests);
        Assert.Equal("GET", carried.Method);
        Assert.Equal("http://feeds.example/feed.xml", carried.Target);
        Assert.Equal("feeds.example", Assert.Single(origin.Requests).Header("Host"));
        // Judged before it was sent: the target's name was looked up here, though the proxy did the connecting.
        Assert.Equal(["feeds.example"], resolver.Asked);
    }

    [Fact]
    public async Task Fetch_ProxyNamedByAHostOnThePrivateNetwork_ConnectedAsTheOperatorChoseIt()
    {
        await using var origin = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var proxy = new LoopbackProxy(LoopbackProxy.Upstream("feeds.example", origin));
        var resolver = Resolving(("feeds.example", [PublicAddress]), ("proxy.internal", ["127.0.0.1"]));
        var fetcher = LoopbackFetcher.CreateProxied(Through($"http://proxy.internal:{proxy.Port}"), resolver);

        var result = await fetcher.FeedAsync(new Uri("http://feeds.example/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Single(proxy.Requests);
    }

    [Theory]
    [InlineData("http", "10.1.2.3")]
    [InlineData("http", "169.254.169.254")]
    [InlineData("http", "127.0.0.1")]
    [InlineData("http", "fd00::5")]
    [InlineData("http", "::ffff:192.168.1.1")]
    [InlineData("https", "10.1.2.3")]
    [InlineData("https", "169.254.169.254")]
    public async Task Fetch_ProxiedNameResolvingToAnInternalAddress_RefusedWithoutAConnectionToTheProxy(string scheme, string address)
    {
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("secret"));
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving(("intranet.example", [address])));

        var result = await fetcher.PageAsync(new Uri($"{scheme}://intranet.example/admin"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Contains($"{scheme}://intranet.example/admin", result.Message, StringComparison.Ordinal);
        Assert.Contains(System.Net.IPAddress.Parse(address).ToString(), result.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_ProxiedNameWithOneInternalAmongPublicAddresses_RefusedSinceTheProxyPicksTheAddress()
    {
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("secret"));
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving(("mixed.example", [PublicAddress, "10.0.0.7"])));

        var result = await fetcher.PageAsync(new Uri("http://mixed.example/"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Contains("10.0.0.7", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_ProxiedNameThatDoesNotResolveHere_NetworkErrorSayingWhyAndProxyGetsNothing()
    {
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("ok"));
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving());

        var result = await fetcher.FeedAsync(new Uri("http://unknown.example/feed.xml"));

        Assert.Equal(FetchFailureKind.NetworkError, result.FailureKind);
        Assert.Contains("unknown.example could not be resolved here", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_AllowedPrivateHostThroughProxy_Carried()
    {
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        var options = Through(proxy.Url);
        options.AllowedPrivateHosts = ["intranet.example:80"];
        var fetcher = LoopbackFetcher.CreateProxied(options, Resolving(("intranet.example", ["10.1.2.3"])));

        var result = await fetcher.FeedAsync(new Uri("http://intranet.example/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal("http://intranet.example/feed.xml", Assert.Single(proxy.Requests).Target);
    }

    [Fact]
    public async Task Fetch_RedirectsThroughProxy_EveryHopCheckedAndTheInternalOneNeverSent()
    {
        await using var proxy = new LoopbackProxy(answer: (request, stream, token) => request.Target switch
        {
            "http://feeds.example/go" => LoopbackResponse.Redirect(302, "http://cdn.example/feed.xml")(request, stream, token),
            "http://cdn.example/feed.xml" => LoopbackResponse.Redirect(301, "http://metadata.example/latest/meta-data/")(request, stream, token),
            _ => LoopbackResponse.Text("credentials")(request, stream, token),
        });
        var resolver = Resolving(("feeds.example", [PublicAddress]), ("cdn.example", [PublicAddress]), ("metadata.example", ["169.254.169.254"]));
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), resolver);

        var result = await fetcher.PageAsync(new Uri("http://feeds.example/go"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Equal(new Uri("http://metadata.example/latest/meta-data/"), result.FinalUrl);
        Assert.Equal(["http://feeds.example/go", "http://cdn.example/feed.xml"], proxy.Requests.Select(r => r.Target));
        Assert.Equal(["feeds.example", "cdn.example", "metadata.example"], resolver.Asked);
    }

    [Fact]
    public async Task Fetch_LoopbackTargetWithAProxyConfigured_GoesDirectAndGuardedAsWithout()
    {
        await using var origin = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var bait = new LoopbackServer(LoopbackResponse.Text("admin"));
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("from the proxy"));
        var options = Through(proxy.Url);
        options.AllowedPrivateHosts = [origin.HostPort];
        var fetcher = LoopbackFetcher.CreateProxied(options, Resolving());

        var allowed = await fetcher.FeedAsync(origin.Url("/feed.xml"));
        var refused = await fetcher.PageAsync(bait.Url("/admin"));

        Assert.Equal("<rss/>", Encoding.UTF8.GetString(allowed.Body.Span));
        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, refused.FailureKind);
        Assert.Equal(0, bait.Connections);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_BypassedHost_GoesDirectAndTheConnectStepGuardsIt()
    {
        await using var origin = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("from the proxy"));
        var resolver = Resolving(("feeds.intranet.example", ["127.0.0.1"]));
        var refusing = Through(proxy.Url);
        refusing.ProxyBypass = [".intranet.example"];
        var allowing = Through(proxy.Url);
        allowing.ProxyBypass = [".intranet.example"];
        allowing.AllowedPrivateHosts = [$"feeds.intranet.example:{origin.Port}"];
        var url = new Uri($"http://feeds.intranet.example:{origin.Port}/feed.xml");

        var refused = await LoopbackFetcher.CreateProxied(refusing, resolver).FeedAsync(url);
        var connectionsAfterRefusal = origin.Connections;
        var allowed = await LoopbackFetcher.CreateProxied(allowing, resolver).FeedAsync(url);

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, refused.FailureKind);
        Assert.Equal(0, connectionsAfterRefusal);
        Assert.Equal(FetchStatus.Content, allowed.Status);
        Assert.Equal(1, origin.RequestCount("/feed.xml"));
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_BypassedTargetThatIsTheProxyItself_RefusedThoughTheConnectStepLetsTheProxyThrough()
    {
        await using var proxy = new LoopbackProxy(answer: LoopbackResponse.Text("cache manager"));
        var options = Through($"http://proxy.internal:{proxy.Port}");
        options.ProxyBypass = ["proxy.internal"];
        var fetcher = LoopbackFetcher.CreateProxied(options, Resolving(("proxy.internal", ["127.0.0.1"])));

        var result = await fetcher.PageAsync(new Uri($"http://proxy.internal:{proxy.Port}/squid-internal-mgr/info"));

        Assert.Equal(FetchFailureKind.PrivateAddressBlocked, result.FailureKind);
        Assert.Equal(0, proxy.Connections);
    }

    [Fact]
    public async Task Fetch_ProxyAsksForCredentials_TheOnesFromTheProxyUrlAreSent()
    {
        await using var origin = new LoopbackServer(LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var proxy = new LoopbackProxy(LoopbackProxy.Upstream("feeds.example", origin), credentials: ("harvester", "p@ss:word"));
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving(("feeds.example", [PublicAddress])));

        var result = await fetcher.FeedAsync(new Uri("http://feeds.example/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Null(proxy.Requests[0].Header("Proxy-Authorization"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("harvester:p@ss:word")), proxy.Requests[^1].Header("Proxy-Authorization"));
        Assert.Null(Assert.Single(origin.Requests).Header("Proxy-Authorization"));
    }

    [Fact]
    public async Task Fetch_HttpsTargetThroughProxy_AskedForAsConnectToTheTargetAuthority()
    {
        await using var proxy = new LoopbackProxy();
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving(("feeds.example", [PublicAddress])));

        var result = await fetcher.FeedAsync(new Uri("https://feeds.example/feed.xml"));

        // No tunnel to that authority in this test proxy: it answers 502, which ends the fetch as a network error.
        Assert.Equal(FetchFailureKind.NetworkError, result.FailureKind);
        var connect = Assert.Single(proxy.Requests);
        Assert.Equal("CONNECT", connect.Method);
        Assert.Equal("feeds.example:443", connect.Target);
    }

    [Fact]
    public async Task Fetch_HttpsTargetThroughProxy_TunnelledToTheOriginAndTheContentComesBack()
    {
        using var certificate = LoopbackTlsServer.CreateCertificate("feeds.example");
        await using var origin = new LoopbackTlsServer(certificate, LoopbackResponse.Text("<rss/>", "application/rss+xml"));
        await using var proxy = new LoopbackProxy(new Dictionary<string, System.Net.IPEndPoint> { ["feeds.example:443"] = origin.EndPoint });
        var fetcher = LoopbackFetcher.CreateProxied(Through(proxy.Url), Resolving(("feeds.example", [PublicAddress])),
            handler => handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString());

        var result = await fetcher.FeedAsync(new Uri("https://feeds.example/feed.xml"));

        Assert.Equal(FetchStatus.Content, result.Status);
        Assert.Equal("<rss/>", Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal("feeds.example:443", Assert.Single(proxy.Requests).Target);
        Assert.Equal("/feed.xml", Assert.Single(origin.Requests).Target);
    }

    private static FetchingOptions Through(string proxyUrl) => new() { Proxy = proxyUrl, RespectRobotsTxt = false };

    private static FixedResolver Resolving(params (string Name, string[] Addresses)[] names) =>
        new(names.ToDictionary(n => n.Name, n => n.Addresses, StringComparer.OrdinalIgnoreCase));
}

using FeedHarvester.Tests.Support;
using FeedHarvester.Worker.Configuration;

namespace FeedHarvester.Tests.Configuration;

/// <summary>The proxy options and variables as an operator meets them: errors at start, the start-up line, and fetches that go through the proxy.</summary>
public sealed class ProxyConfigurationTests
{
    // Every proxy variable a child worker could inherit from the machine running the tests, emptied (empty means unset).
    private static readonly Dictionary<string, string> NoProxyVariables = new()
    {
        ["http_proxy"] = "", ["HTTP_PROXY"] = "", ["https_proxy"] = "", ["HTTPS_PROXY"] = "",
        ["no_proxy"] = "", ["NO_PROXY"] = "", ["all_proxy"] = "", ["ALL_PROXY"] = "",
    };

    [Fact]
    public void Load_UnusableProxyOptions_OneLineEachNamingTheKeyListedWithTheOtherErrors()
    {
        var loaded = Load(new()
        {
            ["FeedHarvester:Fetching:Proxy"] = "socks5://harvester:secret@proxy.corp:1080",
            ["FeedHarvester:Fetching:ProxyBypass:0"] = "bad entry",
            ["FeedHarvester:Fetching:MaxRedirects"] = "99",
        });

        Assert.Null(loaded.Settings);
        Assert.Contains("FeedHarvester:Fetching:Proxy (command line): uses socks5://, and only http:// proxies are supported (not https:// proxies, SOCKS or others) (got 'socks5://***@proxy.corp:1080')", loaded.Errors);
        Assert.Contains("FeedHarvester:Fetching:ProxyBypass:0 (command line): not a host, .domain, IP address, CIDR block (10.0.0.0/8), host:port or * (got 'bad entry')", loaded.Errors);
        Assert.Contains(loaded.Errors, e => e.StartsWith("FeedHarvester:Fetching:MaxRedirects", StringComparison.Ordinal));
        Assert.Equal(3, loaded.Errors.Count);
        Assert.DoesNotContain(loaded.Errors, e => e.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ProxyBypassWithoutAProxy_AnErrorRatherThanIgnored()
    {
        var loaded = Load(new() { ["FeedHarvester:Fetching:ProxyBypass:0"] = ".corp" });

        Assert.Equal(["FeedHarvester:Fetching:ProxyBypass (command line): applies to Proxy only, which is not set (the environment's proxies go with NO_PROXY)"], loaded.Errors);
    }

    [Fact]
    public void Load_UnusableProxyVariable_OneLineNamingTheVariableListedWithTheOtherErrors()
    {
        var loaded = Load(new() { ["FeedHarvester:Fetching:MaxRedirects"] = "99" }, ("HTTPS_PROXY", "socks5://proxy.corp:1080"));

        Assert.Null(loaded.Settings);
        Assert.Contains("HTTPS_PROXY (environment variable): uses socks5://, and only http:// proxies are supported (not https:// proxies, SOCKS or others) (got 'socks5://proxy.corp:1080')", loaded.Errors);
        Assert.Equal(2, loaded.Errors.Count);
    }

    [Fact]
    public void Load_ExplicitProxyAndVariables_TheOptionWinsAndANoteSaysSo()
    {
        var loaded = Load(new() { ["FeedHarvester:Fetching:Proxy"] = "http://proxy.corp:3128" }, ("HTTP_PROXY", "http://other:8080"));

        Assert.True(loaded.Settings is not null, string.Join("\n", loaded.Errors));
        Assert.Equal(new Uri("http://proxy.corp:3128/"), loaded.Settings.Proxy.Proxy!.GetProxy(new Uri("http://feeds.example/")));
        Assert.Contains("HTTP_PROXY set in the environment but not used: FeedHarvester:Fetching:Proxy is set, and wins", loaded.Settings.Notes);
    }

    [Fact]
    public async Task Run_ProxyFromTheEnvironment_TheStartupLogNamesItWithoutItsCredentials()
    {
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        // A loopback feed goes direct (and is refused by the guard): nothing here needs the proxy to answer.
        File.WriteAllText(feeds, "http://127.0.0.1:9/feed.xml\n");
        var environment = new Dictionary<string, string>(NoProxyVariables)
        {
            ["HTTP_PROXY"] = "http://harvester:secret@127.0.0.1:3128",
            ["Logging__LogLevel__Default"] = "Information",
        };

        var (_, stdout, stderr) = await HarvestRunner.RunWorkerAsync(environment, "run", "--once", "--feeds", feeds, "--data-dir", runner.DataDirectory);

        Assert.Contains("Fetching through proxy http://127.0.0.1:3128 (with credentials) for http URLs (HTTP_PROXY), none for https URLs (no HTTPS_PROXY, so they go direct); direct: loopback", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnusableProxyVariable_RefusedAtStartWithExitCode2()
    {
        using var runner = new HarvestRunner();
        var environment = new Dictionary<string, string>(NoProxyVariables) { ["https_proxy"] = "socks5://u:secret@127.0.0.1:1080" };

        var (exitCode, _, stderr) = await HarvestRunner.RunWorkerAsync(environment, "run", "--once", "--data-dir", runner.DataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("feedharvester: https_proxy (environment variable): uses socks5://", stderr, StringComparison.Ordinal);
        Assert.Contains("feedharvester: 1 configuration error; nothing was done", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_WithAProxy_TheFeedAndItsPagesAreAllFetchedThroughIt()
    {
        const string Feed = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Proxied</title><link>http://feeds.example/</link>
            <item><title>Through the proxy</title><link>http://feeds.example/story.html</link><guid>story-1</guid>
            <description>Short summary.</description></item>
            </channel></rss>
            """;
        const string Page = "<html><head><title>Through the proxy</title></head><body><article><h1>Through the proxy</h1>"
            + "<p>Every request of this run went through the forward proxy the operator configured, feed and page alike, "
            + "and the origin behind it only ever saw the proxy connect.</p></article></body></html>";
        await using var origin = new LoopbackServer(new Dictionary<string, Func<LoopbackRequest, Stream, CancellationToken, Task>>
        {
            ["/feed.xml"] = LoopbackResponse.Text(Feed, "application/rss+xml"),
            ["/story.html"] = LoopbackResponse.Text(Page, "text/html; charset=utf-8"),
        });
        await using var proxy = new LoopbackProxy(LoopbackProxy.Upstream("feeds.example", origin));
        using var runner = new HarvestRunner();
        var feeds = Path.Combine(runner.DataDirectory, "feeds.txt");
        File.WriteAllText(feeds, "http://feeds.example/feed.xml\n");

        // Allowed by name, the guard passes feeds.example without a lookup: nothing in this run asks a DNS server.
        var summary = await runner.RunOnceInProcessAsync(feeds, new Dictionary<string, string?>
        {
            ["FeedHarvester:Fetching:Proxy"] = proxy.Url,
            ["FeedHarvester:Fetching:AllowedPrivateHosts:0"] = "feeds.example:80",
        });

        Assert.Equal(1, summary.ArticlesEmitted);
        Assert.Contains("http://feeds.example/feed.xml", proxy.Requests.Select(r => r.Target));
        Assert.Contains("http://feeds.example/story.html", proxy.Requests.Select(r => r.Target));
        Assert.All(origin.Requests, r => Assert.Equal("feeds.example", r.Header("Host")));
        Assert.Equal("http://feeds.example/story.html", Assert.Single(runner.ReadOutput()).GetProperty("url").GetString());
    }

    private static SettingsResult Load(Dictionary<string, string?> overrides, params (string Name, string Value)[] environment) =>
        SettingsLoader.Load(ConfigurationLoader.Load(null, overrides), withFeeds: false,
            environment: name => environment.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal)).Value);
}

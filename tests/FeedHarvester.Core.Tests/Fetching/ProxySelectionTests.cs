using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

/// <summary>Which proxy the options and the environment select, read from a given environment (never the process's).</summary>
public sealed class ProxySelectionTests
{
    private static readonly Uri HttpUrl = new("http://feeds.example/feed.xml");
    private static readonly Uri HttpsUrl = new("https://feeds.example/feed.xml");

    [Fact]
    public void Select_ExplicitProxy_UsedForHttpAndHttpsAndWinsOverTheEnvironment()
    {
        var selection = ProxySelection.Select(
            new FetchingOptions { Proxy = "http://proxy.corp:3128" },
            Environment(("HTTP_PROXY", "http://other:8080"), ("no_proxy", "feeds.example")));

        Assert.Equal(new Uri("http://proxy.corp:3128/"), selection.Proxy!.GetProxy(HttpUrl));
        Assert.Equal(new Uri("http://proxy.corp:3128/"), selection.Proxy.GetProxy(HttpsUrl));
        Assert.Empty(selection.Errors);
        var note = Assert.Single(selection.Notes);
        Assert.Equal("HTTP_PROXY, no_proxy set in the environment but not used: FeedHarvester:Fetching:Proxy is set, and wins", note);
        Assert.Equal("Fetching through proxy http://proxy.corp:3128 for http and https URLs (FeedHarvester:Fetching:Proxy); direct: loopback", selection.Summary);
    }

    [Fact]
    public void Select_ExplicitProxyWithBypass_BypassedHostsGoDirect()
    {
        var selection = ProxySelection.Select(
            new FetchingOptions { Proxy = "http://proxy.corp:3128", ProxyBypass = [".intranet.example", "10.0.0.0/8"] }, Environment());

        Assert.True(selection.Proxy!.IsBypassed(new Uri("http://wiki.intranet.example/")));
        Assert.True(selection.Proxy.IsBypassed(new Uri("http://10.1.1.1/")));
        Assert.False(selection.Proxy.IsBypassed(HttpUrl));
        Assert.EndsWith("direct: loopback, intranet.example, 10.0.0.0/8", selection.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EnvironmentByDefault_HttpProxyForHttpUrlsAndHttpsProxyForHttpsUrls()
    {
        var selection = ProxySelection.Select(new FetchingOptions(),
            Environment(("HTTP_PROXY", "http://plain:3128"), ("HTTPS_PROXY", "http://secure:3129"), ("NO_PROXY", "internal.example")));

        Assert.Equal(new Uri("http://plain:3128/"), selection.Proxy!.GetProxy(HttpUrl));
        Assert.Equal(new Uri("http://secure:3129/"), selection.Proxy.GetProxy(HttpsUrl));
        Assert.True(selection.Proxy.IsBypassed(new Uri("https://internal.example/x")));
        Assert.Empty(selection.Notes);
        Assert.Equal("Fetching through proxy http://plain:3128 for http URLs (HTTP_PROXY), http://secure:3129 for https URLs (HTTPS_PROXY); direct: loopback, internal.example", selection.Summary);
    }

    [Fact]
    public void Select_OnlyHttpProxySet_HttpsUrlsGoDirectAndTheSummarySaysSo()
    {
        var selection = ProxySelection.Select(new FetchingOptions(), Environment(("http_proxy", "plain:3128")));

        Assert.Equal(new Uri("http://plain:3128/"), selection.Proxy!.GetProxy(HttpUrl));
        Assert.True(selection.Proxy.IsBypassed(HttpsUrl));
        Assert.Contains("none for https URLs (no HTTPS_PROXY, so they go direct)", selection.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_LowerAndUpperCaseSetAlike_Used()
    {
        var selection = ProxySelection.Select(new FetchingOptions(), Environment(("https_proxy", "http://p:1"), ("HTTPS_PROXY", "http://p:1")));

        Assert.Empty(selection.Errors);
        Assert.Equal(new Uri("http://p:1/"), selection.Proxy!.GetProxy(HttpsUrl));
    }

    [Fact]
    public void Select_LowerAndUpperCaseDiffer_OneErrorNamingBothWithoutPasswords()
    {
        var selection = ProxySelection.Select(new FetchingOptions(),
            Environment(("https_proxy", "http://u:secret@p:1"), ("HTTPS_PROXY", "http://q:2")));

        var error = Assert.Single(selection.Errors);
        Assert.Equal("HTTPS_PROXY", error.Variable);
        Assert.Equal("https_proxy and HTTPS_PROXY are both set, to different values ('http://***@p:1' and 'http://q:2'); unset one", error.Message);
        Assert.Null(selection.Proxy);
    }

    [Theory]
    [InlineData("HTTP_PROXY", "socks5://u:secret@p:1080", "uses socks5://, and only http:// proxies are supported (not https:// proxies, SOCKS or others) (got 'socks5://***@p:1080')")]
    [InlineData("https_proxy", "http://p:3128/path", "has a path, query or fragment: a proxy is only http://host:port (got 'http://p:3128/path')")]
    [InlineData("NO_PROXY", "ok.example, bad entry", "entry 'bad entry' is not a host, .domain, IP address, CIDR block (10.0.0.0/8), host:port or *")]
    public void Select_UnusableVariable_ErrorNamingTheVariable(string variable, string value, string message)
    {
        var selection = ProxySelection.Select(new FetchingOptions(), Environment((variable, value)));

        var error = Assert.Single(selection.Errors);
        Assert.Equal(variable, error.Variable);
        Assert.Equal(message, error.Message);
        Assert.Null(selection.Proxy);
    }

    [Fact]
    public void Select_UnusableVariableWhileTheExplicitProxyWins_NoErrorOnlyTheNote()
    {
        var selection = ProxySelection.Select(new FetchingOptions { Proxy = "http://proxy.corp:3128" }, Environment(("HTTP_PROXY", "socks5://p:1080")));

        Assert.Empty(selection.Errors);
        Assert.NotNull(selection.Proxy);
        Assert.Single(selection.Notes);
    }

    [Fact]
    public void Select_EnvironmentTurnedOff_DirectAndTheVariablesNamedAsNotUsed()
    {
        var selection = ProxySelection.Select(new FetchingOptions { UseEnvironmentProxy = false },
            Environment(("HTTP_PROXY", "http://p:1"), ("HTTPS_PROXY", "http://p:1")));

        Assert.Null(selection.Proxy);
        Assert.Equal("HTTP_PROXY, HTTPS_PROXY set in the environment but not used: FeedHarvester:Fetching:UseEnvironmentProxy is false", Assert.Single(selection.Notes));
        Assert.Equal("Fetching directly: no proxy (FeedHarvester:Fetching:Proxy is not set, FeedHarvester:Fetching:UseEnvironmentProxy is false)", selection.Summary);
    }

    [Fact]
    public void Select_AllProxySet_NotedAsNotRead()
    {
        var selection = ProxySelection.Select(new FetchingOptions(), Environment(("ALL_PROXY", "socks5://p:1080")));

        Assert.Null(selection.Proxy);
        Assert.Empty(selection.Errors);
        Assert.Equal("ALL_PROXY set in the environment but not read: only HTTP_PROXY, HTTPS_PROXY and NO_PROXY are", Assert.Single(selection.Notes));
    }

    [Fact]
    public void Select_NothingSet_DirectWithoutNotes()
    {
        var selection = ProxySelection.Select(new FetchingOptions(), Environment(("NO_PROXY", "localhost")));

        Assert.Null(selection.Proxy);
        Assert.Empty(selection.Notes);
        Assert.Equal("Fetching directly: no proxy (FeedHarvester:Fetching:Proxy is not set, and neither HTTP_PROXY nor HTTPS_PROXY is)", selection.Summary);
    }

    [Fact]
    public void Select_ProxyWithCredentials_SummaryNeverShowsThemAndTheHandlerGetsThemForThatProxyOnly()
    {
        var selection = ProxySelection.Select(new FetchingOptions(),
            Environment(("HTTP_PROXY", "http://harvester:secret@plain:3128"), ("HTTPS_PROXY", "http://secure:3129")));

        Assert.DoesNotContain("secret", selection.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("harvester", selection.Summary, StringComparison.Ordinal);
        Assert.Contains("http://plain:3128 (with credentials) for http URLs", selection.Summary, StringComparison.Ordinal);
        Assert.Equal("secret", selection.Proxy!.Credentials!.GetCredential(new Uri("http://plain:3128/"), "Basic")!.Password);
        Assert.Null(selection.Proxy.Credentials.GetCredential(new Uri("http://secure:3129/"), "Basic"));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal)).Value;
}

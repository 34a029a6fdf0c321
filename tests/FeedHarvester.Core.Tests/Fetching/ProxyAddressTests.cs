using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

public sealed class ProxyAddressTests
{
    [Theory]
    [InlineData("http://proxy.corp:3128", "http://proxy.corp:3128")]
    [InlineData("http://proxy.corp:3128/", "http://proxy.corp:3128")]
    [InlineData("  HTTP://Proxy.Corp:3128 ", "http://proxy.corp:3128")]
    [InlineData("proxy.corp:3128", "http://proxy.corp:3128")]
    [InlineData("http://proxy.corp", "http://proxy.corp:80")]
    [InlineData("http://10.0.0.1:8080", "http://10.0.0.1:8080")]
    [InlineData("http://[fd00::1]:3128", "http://[fd00::1]:3128")]
    public void TryParse_HttpProxy_ReadWithItsHostAndPort(string written, string display)
    {
        Assert.True(ProxyAddress.TryParse(written, out var proxy, out var error), error);
        Assert.Equal(display, proxy!.Display);
        Assert.Null(proxy.Credentials);
    }

    [Fact]
    public void TryParse_Credentials_DecodedAndNeverShown()
    {
        Assert.True(ProxyAddress.TryParse("http://harvester:p%40ss%3Aword@proxy.corp:3128", out var proxy, out _));

        Assert.Equal("harvester", proxy!.Credentials!.UserName);
        Assert.Equal("p@ss:word", proxy.Credentials.Password);
        Assert.Equal("http://proxy.corp:3128 (with credentials)", proxy.Display);
        Assert.Equal(new Uri("http://proxy.corp:3128/"), proxy.Address);
        Assert.Empty(proxy.Address.UserInfo);
    }

    [Theory]
    [InlineData("socks5://proxy.corp:1080", "uses socks5://, and only http:// proxies are supported")]
    [InlineData("https://proxy.corp:443", "uses https://, and only http:// proxies are supported")]
    [InlineData("http://proxy.corp:3128/some/path", "has a path, query or fragment")]
    [InlineData("http://proxy.corp:3128?x=1", "has a path, query or fragment")]
    [InlineData("http://harvester@proxy.corp:3128", "credentials that are not user:password")]
    [InlineData("http://:secret@proxy.corp:3128", "credentials that are not user:password")]
    [InlineData("http://proxy.corp:99999", "not a proxy URL")]
    [InlineData("http://", "not a proxy URL")]
    public void TryParse_Unusable_RefusedSayingWhyWithoutTheValue(string written, string reason)
    {
        Assert.False(ProxyAddress.TryParse(written, out var proxy, out var error));
        Assert.Null(proxy);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }
}

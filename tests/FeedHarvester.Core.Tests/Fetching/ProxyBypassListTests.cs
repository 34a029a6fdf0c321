using FeedHarvester.Fetching;

namespace FeedHarvester.Tests.Fetching;

public sealed class ProxyBypassListTests
{
    [Theory]
    [InlineData("example.com", "http://example.com/", true)]
    [InlineData("example.com", "http://www.example.com/feed", true)]
    [InlineData("example.com", "http://notexample.com/", false)]
    [InlineData(".example.com", "https://example.com/", true)]
    [InlineData(".example.com", "https://a.b.example.com/", true)]
    [InlineData("*.example.com", "http://www.EXAMPLE.com/", true)]
    [InlineData("*.example.com", "http://example.org/", false)]
    [InlineData("example.com:8080", "http://example.com:8080/", true)]
    [InlineData("example.com:8080", "http://example.com/", false)]
    [InlineData("10.0.0.0/8", "http://10.20.30.40/", true)]
    [InlineData("10.0.0.0/8", "http://11.0.0.1/", false)]
    [InlineData("10.0.0.0/8", "http://ten.example/", false)]
    [InlineData("192.168.1.5", "http://192.168.1.5:8080/", true)]
    [InlineData("fd00::1", "http://[fd00::1]/", true)]
    [InlineData("[fd00::1]:8080", "http://[fd00::1]:8080/", true)]
    [InlineData("fd00::/8", "http://[fd12::3]/", true)]
    [InlineData("*", "https://anything.example/", true)]
    public void Matches_Entry_CoversTheHostsCurlAndGoWould(string entry, string url, bool direct)
    {
        Assert.True(ProxyBypassList.TryCreate([entry], out var list, out var error), error);

        Assert.Equal(direct, list.Matches(new Uri(url)));
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://feeds.localhost/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.1.2.3/")]
    [InlineData("http://[::1]:9000/")]
    public void Matches_Loopback_AlwaysDirectWithoutAnyEntry(string url)
    {
        Assert.True(ProxyBypassList.None.Matches(new Uri(url)));
    }

    [Fact]
    public void Matches_PublicHostWithoutEntries_GoesThroughTheProxy()
    {
        Assert.False(ProxyBypassList.None.Matches(new Uri("http://feeds.example/")));
    }

    [Theory]
    [InlineData("exa mple.com")]
    [InlineData("10.0.0.0/33")]
    [InlineData("host:notaport")]
    [InlineData("fd00::1:8080:")]
    public void TryCreate_UnreadableEntry_RefusedNamingIt(string entry)
    {
        Assert.False(ProxyBypassList.TryCreate(["example.com", entry], out _, out var error));
        Assert.Contains($"'{entry}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_NoProxyValue_EntriesWithoutSpacesOrEmptyOnes()
    {
        Assert.Equal(["localhost", ".corp", "10.0.0.0/8"], ProxyBypassList.Split(" localhost, .corp,,10.0.0.0/8 "));
    }
}

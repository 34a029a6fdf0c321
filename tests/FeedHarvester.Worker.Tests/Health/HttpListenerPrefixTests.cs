using FeedHarvester.Worker.Health;

namespace FeedHarvester.Tests.Health;

// That HttpListener accepts the wildcard prefix (and refuses 0.0.0.0) was checked in a network namespace with only
// loopback (unshare -n), not here: a test binding every interface would open a port on a shared machine.
public sealed class HttpListenerPrefixTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9464", "http://127.0.0.1:9464/")]
    [InlineData("http://127.0.0.1:9464/", "http://127.0.0.1:9464/")]
    [InlineData("http://localhost:9464", "http://localhost:9464/")]
    [InlineData("http://0.0.0.0:9464", "http://+:9464/")]
    [InlineData("http://0.0.0.0:9464/", "http://+:9464/")]
    [InlineData("http://[::]:9464", "http://+:9464/")]
    [InlineData("http://0.0.0.0", "http://+:80/")]
    public void FromListenUrl_Cases(string listenUrl, string expected)
    {
        Assert.Equal(expected, HttpListenerPrefix.FromListenUrl(listenUrl));
    }

    [Theory]
    [InlineData("http://localhost:9464", "http://localhost:9464/ http://127.0.0.1:9464/")]
    [InlineData("http://127.0.0.1:9464/", "http://127.0.0.1:9464/ http://localhost:9464/")]
    [InlineData("http://10.0.0.5:9464", "http://10.0.0.5:9464/")]
    [InlineData("http://0.0.0.0:9464", "http://+:9464/")]
    public void AllFor_LoopbackNameGainsItsOtherName(string listenUrl, string expected)
    {
        Assert.Equal(expected, string.Join(' ', HttpListenerPrefix.AllFor(listenUrl)));
    }
}

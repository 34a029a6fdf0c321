using FeedHarvester.Cleaning;

namespace FeedHarvester.Tests.Cleaning;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("HTTP://News.Example.ORG/a/1.html", "http://news.example.org/a/1.html")]
    [InlineData("https://news.example.org:443/a/1.html", "https://news.example.org/a/1.html")]
    [InlineData("http://news.example.org:80/a", "http://news.example.org/a")]
    [InlineData("http://news.example.org:8080/a", "http://news.example.org:8080/a")]
    [InlineData("https://news.example.org/a/1.html#comments", "https://news.example.org/a/1.html")]
    [InlineData("https://news.example.org/a?utm_source=rss&utm_medium=feed", "https://news.example.org/a")]
    [InlineData("https://news.example.org/a?id=7&utm_campaign=s2&fbclid=x&page=2", "https://news.example.org/a?id=7&page=2")]
    [InlineData("https://news.example.org/a?gclid=1&msclkid=2&mc_cid=3&mc_eid=4", "https://news.example.org/a")]
    [InlineData("https://news.example.org/A/Path?Q=Keep", "https://news.example.org/A/Path?Q=Keep")]
    public void Normalize_VariantSpellings_GiveOneForm(string input, string expected) =>
        Assert.Equal(expected, UrlNormalizer.Normalize(new Uri(input)).AbsoluteUri);

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_NotAnAbsoluteHttpUrl_ReturnsNull(string? input) =>
        Assert.Null(UrlNormalizer.TryNormalize(input));

    [Fact]
    public void Normalize_UtmPrefixInAnyCase_IsStripped() =>
        Assert.Equal("https://a.example/x?b=1", UrlNormalizer.Normalize(new Uri("https://a.example/x?UTM_Source=z&b=1")).AbsoluteUri);
}

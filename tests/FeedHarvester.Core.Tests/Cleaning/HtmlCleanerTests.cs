using FeedHarvester.Cleaning;

namespace FeedHarvester.Tests.Cleaning;

public sealed class HtmlCleanerTests
{
    private static readonly Uri Base = new("https://news.example.com/2024/03/story.html");
    private readonly HtmlCleaner _cleaner = HtmlCleaner.Unbounded();

    [Fact]
    public void Clean_Script_RemovedWithItsSource()
    {
        var html = _cleaner.Clean("<p>Hello</p><script>alert('x')</script>", Base);

        Assert.Equal("<p>Hello</p>", html);
    }

    [Fact]
    public void Clean_EventHandlerAndStyle_Removed()
    {
        var html = _cleaner.Clean("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">Hi</p>", Base);

        Assert.Equal("<p>Hi</p>", html);
    }

    [Fact]
    public void Clean_RelativeUrls_MadeAbsolute()
    {
        var html = _cleaner.Clean("<a href=\"../other.html\">a</a><img src=\"/img/a.jpg\" alt=\"A\">", Base);

        Assert.Contains("href=\"https://news.example.com/2024/other.html\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://news.example.com/img/a.jpg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_JavascriptLink_HrefDropped()
    {
        var html = _cleaner.Clean("<a href=\"javascript:alert(1)\">click</a>", Base);

        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_MailtoLink_Kept()
    {
        Assert.Contains("mailto:desk@example.com", _cleaner.Clean("<a href=\"mailto:desk@example.com\">mail</a>", Base), StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_IframeRemovedWithContent_FormKeepsItsTextAsABlockWithoutItsControls()
    {
        var html = _cleaner.Clean("<p>Text</p><iframe src=\"https://x.example\">fallback</iframe><form><p>A post</p><input><button>Reply</button></form>", Base);

        Assert.Equal("<p>Text</p><div><p>A post</p></div>", html);
    }

    [Fact]
    public void Clean_UnknownWrapper_UnwrappedKeepingText()
    {
        var html = _cleaner.Clean("<font color=\"red\"><p>Kept text</p></font>", Base);

        Assert.Equal("<p>Kept text</p>", html);
    }

    [Fact]
    public void Clean_ArticleStructure_Kept()
    {
        const string html = "<h2>Sub</h2><blockquote><p>Quote</p></blockquote><ul><li>One</li></ul><figure><img src=\"https://a.example/i.jpg\" alt=\"i\"><figcaption>Cap</figcaption></figure><table><tbody><tr><td>1</td></tr></tbody></table>";

        Assert.Equal(html, _cleaner.Clean(html, Base));
    }

    [Fact]
    public void Clean_ParallelCalls_AreConsistent()
    {
        const string html = "<p onclick=\"x()\">Hello <a href=\"/a\">link</a></p><script>bad()</script>";
        var expected = _cleaner.Clean(html, Base);
        var results = new string[32];

        Parallel.For(0, results.Length, i => results[i] = _cleaner.Clean(html, Base));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Clean_LazyImageWithPlaceholderSrc_GetsDataSrc()
    {
        var html = HtmlCleaner.Unbounded().Clean("<p>x</p><img src='data:image/gif;base64,R0lGOD' data-src='/img/real.jpg'>", new Uri("https://news.example.com/a/"));

        Assert.Contains("src=\"https://news.example.com/img/real.jpg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_LazyImageWithSrcsetOnly_GetsWidestCandidate()
    {
        var html = HtmlCleaner.Unbounded().Clean("<img srcset='/s.jpg 320w, /l.jpg 1280w, /m.jpg 640w'>", new Uri("https://news.example.com/"));

        Assert.Contains("src=\"https://news.example.com/l.jpg\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_RealSrc_IsNotReplacedByDataSrc()
    {
        var html = HtmlCleaner.Unbounded().Clean("<img src='/real.jpg' data-src='/other.jpg'>", new Uri("https://news.example.com/"));

        Assert.Contains("/real.jpg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/other.jpg", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src='/count.gif' width='1' height='1'>")]
    [InlineData("<img src='https://sb.scorecardresearch.com/p?c1=2'>")]
    [InlineData("<img src='https://www.facebook.com/tr?id=1&ev=PageView'>")]
    public void Clean_TrackingPixel_IsDropped(string pixel)
    {
        var html = HtmlCleaner.Unbounded().Clean("<p>Story</p>" + pixel, new Uri("https://news.example.com/"));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_YouTubeIframe_IsKept()
    {
        var html = HtmlCleaner.Unbounded().Clean("<iframe src='//www.youtube.com/embed/abc' allowfullscreen></iframe>", new Uri("https://news.example.com/"));

        Assert.Contains("<iframe src=\"https://www.youtube.com/embed/abc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_IframeFromUnlistedHost_IsDropped()
    {
        var html = HtmlCleaner.Unbounded().Clean("<p>Story</p><iframe src='https://ads.example.net/slot'></iframe>", new Uri("https://news.example.com/"));

        Assert.DoesNotContain("iframe", html, StringComparison.Ordinal);
    }
}

using FeedHarvester.Extraction;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;

namespace FeedHarvester.Tests.Normalization;

public sealed class PageFailureTests
{
    private static readonly Uri Url = new("http://127.0.0.1/a.html");

    [Theory]
    [InlineData(FetchFailureKind.PrivateAddressBlocked)]
    [InlineData(FetchFailureKind.TooLarge)]
    public void NotFetched_HostileOrAbsurdLink_RejectsTheEntry(FetchFailureKind kind)
    {
        var failure = PageFailure.NotFetched(FetchResult.Failed(Url, kind, "refused"));

        Assert.True(failure.RejectsEntry);
        Assert.Equal((kind.ToString(), "fetch: refused"), (failure.Code, failure.Message));
    }

    [Theory]
    [InlineData(FetchFailureKind.NotFound)]
    [InlineData(FetchFailureKind.Timeout)]
    [InlineData(FetchFailureKind.RobotsDisallowed)]
    public void NotFetched_OtherFailures_EntryKeptWithTheFeedsContent(FetchFailureKind kind) =>
        Assert.False(PageFailure.NotFetched(FetchResult.Failed(Url, kind, "no page")).RejectsEntry);

    [Fact]
    public void NotFetched_NotModified_StatusIsTheCode() =>
        Assert.Equal("NotModified: ", PageFailure.NotFetched(new FetchResult { Status = FetchStatus.NotModified, RequestedUrl = Url }).ToString());

    [Fact]
    public void ToString_CodeColonMessage_AsStoredInFallbackReason()
    {
        Assert.Equal("NotFound: fetch: not found (404)", PageFailure.NotFetched(FetchResult.Failed(Url, FetchFailureKind.NotFound, "not found (404)")).ToString());
        Assert.Equal("not_html: the page is application/pdf", PageFailure.NotHtml("application/pdf").ToString());
        Assert.Equal("disabled: article pages are not fetched (FetchArticlePages=false)", PageFailure.Disabled.ToString());
        Assert.Equal("no_link: the entry has no absolute link", PageFailure.NoLink.ToString());
        Assert.Equal("extract_error: boom", PageFailure.ExtractorCrashed(new InvalidOperationException("boom")).ToString());
        Assert.Equal("page_too_short: the page gave 5 words, the feed 90", PageFailure.TooShort(5, 90).ToString());
    }

    [Fact]
    public void NotExtracted_Failure_ItsCodeAndMessage_AndNoneForAnArticle()
    {
        var refused = ExtractionOutcome.Failed(ExtractionFailure.TooManyElements, "more than 10 elements");

        Assert.Equal(new PageFailure("too_many_elements", "more than 10 elements"), PageFailure.NotExtracted(refused));
        Assert.Equal(refused.Reason, PageFailure.NotExtracted(refused)!.ToString());
        Assert.Null(PageFailure.NotExtracted(ExtractionOutcome.Of(new ExtractedArticle { ContentHtml = "<p>x</p>", ContentText = "x", WordCount = 1, Path = "readability" })));
        Assert.False(PageFailure.NotExtracted(refused)!.RejectsEntry);
    }
}

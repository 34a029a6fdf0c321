using FeedHarvester.Fetching;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class PollOutcomeTests
{
    [Fact]
    public void Code_FetchFailed_IsTheFetchFailureKindName()
    {
        Assert.Equal("NotFound", PollOutcome.FetchFailed(FetchFailureKind.NotFound).Code);
        Assert.Equal("PrivateAddressBlocked", PollOutcome.FetchFailed(FetchFailureKind.PrivateAddressBlocked).ToString());
    }

    [Fact]
    public void Code_OtherOutcomes_AreTheStoredCodes()
    {
        Assert.Equal(
            ["Ok", "NotModified", "Malformed", "Leased", "Gone", "Error"],
            new[] { PollOutcome.Ok, PollOutcome.NotModified, PollOutcome.Malformed, PollOutcome.Leased, PollOutcome.Gone, PollOutcome.Error }.Select(o => o.Code));
    }

    [Fact]
    public void IsSuccess_OnlyOkNotModifiedAndLeased()
    {
        Assert.True(PollOutcome.Ok.IsSuccess);
        Assert.True(PollOutcome.NotModified.IsSuccess);
        Assert.True(PollOutcome.Leased.IsSuccess);
        Assert.False(PollOutcome.Malformed.IsSuccess);
        Assert.False(PollOutcome.Gone.IsSuccess);
        Assert.False(PollOutcome.Error.IsSuccess);
        Assert.False(PollOutcome.FetchFailed(FetchFailureKind.Timeout).IsSuccess);
    }

    [Fact]
    public void FetchFailed_SameKind_EqualValuesWithThatKind()
    {
        var outcome = PollOutcome.FetchFailed(FetchFailureKind.Gone);

        Assert.Equal(PollOutcome.FetchFailed(FetchFailureKind.Gone), outcome);
        Assert.NotEqual(PollOutcome.Gone, outcome);
        Assert.Equal((PollOutcomeKind.FetchFailed, (FetchFailureKind?)FetchFailureKind.Gone), (outcome.Kind, outcome.FetchFailure));
        Assert.Null(PollOutcome.Ok.FetchFailure);
    }
}

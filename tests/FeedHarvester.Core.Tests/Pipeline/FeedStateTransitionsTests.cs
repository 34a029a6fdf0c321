using System.Net;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class FeedStateTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedDefinition Feed = new(new Uri("http://127.0.0.1/feed.xml"));
    private static readonly SchedulingOptions Options = new() { JitterFraction = 0, BrokenAfterNotFound = 3, RedirectStableAfter = 2, MaxBackoff = TimeSpan.FromHours(6) };
    private static readonly FeedStateTransitions Transitions = new(new PollSchedule(Options, () => 0.5), Options);

    private static FetchResult Fetched(Uri? permanentRedirect = null) => new()
    {
        Status = FetchStatus.Content,
        RequestedUrl = Feed.Url,
        StatusCode = HttpStatusCode.OK,
        ETag = "\"v2\"",
        LastModified = "Mon, 02 Jun 2025 12:00:00 GMT",
        PermanentRedirect = permanentRedirect,
    };

    [Fact]
    public void AfterSuccess_ValidatorsStoredAndErrorsCleared()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { ConsecutiveErrors = 4, ETag = "\"v1\"" };

        var change = Transitions.AfterSuccess(Feed, state, new PollSuccess(Fetched(), FeedRhythm.Unknown, 3), Now);

        Assert.Equal("\"v2\"", change.State.ETag);
        Assert.Equal(0, change.State.ConsecutiveErrors);
        Assert.Equal(3, change.State.ArticlesEmitted);
        Assert.NotNull(change.State.NextPollAt);
    }

    [Fact]
    public void AfterFailure_Gone_DisablesTheFeed()
    {
        var change = Transitions.AfterFailure(Feed, FeedState.New(Feed.Url.AbsoluteUri), new PollFailure(PollOutcome.FetchFailed(FetchFailureKind.Gone), "fetch: gone (410)", null), Now);

        Assert.Equal(FeedStatus.Gone, change.State.Status);
        Assert.Null(change.State.NextPollAt);
        Assert.Equal(StateTransition.Gone, change.Transition);
    }

    [Fact]
    public void AfterFailure_NotFoundBelowTheThreshold_BacksOffButStaysActive()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { ConsecutiveErrors = 1 };

        var change = Transitions.AfterFailure(Feed, state, new PollFailure(PollOutcome.FetchFailed(FetchFailureKind.NotFound), null, null), Now);

        Assert.Equal(FeedStatus.Active, change.State.Status);
        Assert.Equal(Now.AddMinutes(30), change.State.NextPollAt);
    }

    [Fact]
    public void AfterFailure_NotFoundAtTheThreshold_FlaggedBrokenOnce()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { ConsecutiveErrors = 2 };

        var first = Transitions.AfterFailure(Feed, state, new PollFailure(PollOutcome.FetchFailed(FetchFailureKind.NotFound), null, null), Now);
        var second = Transitions.AfterFailure(Feed, first.State, new PollFailure(PollOutcome.FetchFailed(FetchFailureKind.NotFound), null, null), Now);

        Assert.Equal(FeedStatus.Broken, first.State.Status);
        Assert.Equal(StateTransition.Broken, first.Transition);
        Assert.Equal(Now.AddHours(6), first.State.NextPollAt);
        Assert.Equal(StateTransition.None, second.Transition);
    }

    [Fact]
    public void AfterSuccess_BrokenFeedAnswers_Recovered()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { Status = FeedStatus.Broken, ConsecutiveErrors = 9 };

        var change = Transitions.AfterSuccess(Feed, state, new PollSuccess(Fetched(), FeedRhythm.Unknown, 0), Now);

        Assert.Equal(FeedStatus.Active, change.State.Status);
        Assert.Equal(StateTransition.Recovered, change.Transition);
    }

    [Fact]
    public void AfterFailure_RateLimited_WaitsForRetryAfter()
    {
        var change = Transitions.AfterFailure(Feed, FeedState.New(Feed.Url.AbsoluteUri), new PollFailure(PollOutcome.FetchFailed(FetchFailureKind.RateLimited), null, TimeSpan.FromMinutes(120)), Now);

        Assert.Equal(Now.AddMinutes(120), change.State.NextPollAt);
    }

    [Fact]
    public void AfterFailure_Malformed_KeepsTheFeedsInterval()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { ConsecutiveErrors = 5, PollInterval = TimeSpan.FromMinutes(20) };

        var change = Transitions.AfterFailure(Feed, state, new PollFailure(PollOutcome.Malformed, "parse: …", null), Now);

        Assert.Equal(Now.AddMinutes(20), change.State.NextPollAt);
        Assert.Equal(6, change.State.ConsecutiveErrors);
    }

    [Fact]
    public void AfterFailure_MalformedWithAStoredIntervalOfAYear_NextPollCappedAtTheLongestWait()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { PollInterval = TimeSpan.FromDays(365) };

        var change = Transitions.AfterFailure(Feed, state, new PollFailure(PollOutcome.Malformed, "parse: …", null), Now);

        Assert.Equal(Now.AddHours(6), change.State.NextPollAt);
    }

    [Fact]
    public void Trusts_StoredNextPollWithinTheLongestWait_True_AYearAhead_False()
    {
        Assert.True(Transitions.Trusts(Feed, Now.AddHours(6), Now));
        Assert.False(Transitions.Trusts(Feed, Now.AddYears(1), Now));
    }

    [Fact]
    public void AfterSuccess_PermanentRedirectSeenOnce_UrlNotYetChanged()
    {
        var target = new Uri("http://127.0.0.1/new-feed.xml");

        var change = Transitions.AfterSuccess(Feed, FeedState.New(Feed.Url.AbsoluteUri), new PollSuccess(Fetched(target), FeedRhythm.Unknown, 0), Now);

        Assert.Null(change.State.CurrentUrl);
        Assert.Equal(target.AbsoluteUri, change.State.RedirectCandidate);
        Assert.Equal(1, change.State.RedirectSeenCount);
    }

    [Fact]
    public void AfterSuccess_PermanentRedirectSeenStable_FeedFetchedFromTheNewUrl()
    {
        var target = new Uri("http://127.0.0.1/new-feed.xml");
        var first = Transitions.AfterSuccess(Feed, FeedState.New(Feed.Url.AbsoluteUri), new PollSuccess(Fetched(target), FeedRhythm.Unknown, 0), Now);

        var second = Transitions.AfterSuccess(Feed, first.State, new PollSuccess(Fetched(target), FeedRhythm.Unknown, 0), Now);

        Assert.Equal(target.AbsoluteUri, second.State.CurrentUrl);
        Assert.Equal(StateTransition.Moved, second.Transition);
        Assert.Equal(Feed.Url.AbsoluteUri, second.State.FeedUrl);
    }

    [Fact]
    public void AfterSuccess_TemporaryRedirect_ForgetsTheCandidate()
    {
        var state = FeedState.New(Feed.Url.AbsoluteUri) with { RedirectCandidate = "http://127.0.0.1/x.xml", RedirectSeenCount = 1 };

        var change = Transitions.AfterSuccess(Feed, state, new PollSuccess(Fetched(permanentRedirect: null), FeedRhythm.Unknown, 0), Now);

        Assert.Null(change.State.RedirectCandidate);
        Assert.Null(change.State.CurrentUrl);
    }
}

public sealed class FeedStateTransitionsNotModifiedTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static FetchResult NotModified() => new() { Status = FetchStatus.NotModified, RequestedUrl = new Uri("http://127.0.0.1/feed.xml") };

    [Fact]
    public void AfterSuccess_NotModifiedAdaptiveFeed_KeepsItsLearnedInterval()
    {
        var options = new SchedulingOptions { JitterFraction = 0 };
        var transitions = new FeedStateTransitions(new PollSchedule(options, () => 0.5), options);
        var state = FeedState.New("http://127.0.0.1/feed.xml") with { PollInterval = TimeSpan.FromMinutes(12) };

        var change = transitions.AfterSuccess(new FeedDefinition(new Uri("http://127.0.0.1/feed.xml")), state, new PollSuccess(NotModified(), FeedRhythm.Unknown, 0), Now);

        Assert.Equal(Now.AddMinutes(12), change.State.NextPollAt);
    }

    [Fact]
    public void AfterSuccess_NotModifiedPinnedFeed_UsesTheConfiguredIntervalEvenIfEdited()
    {
        var options = new SchedulingOptions { JitterFraction = 0 };
        var transitions = new FeedStateTransitions(new PollSchedule(options, () => 0.5), options);
        var state = FeedState.New("http://127.0.0.1/feed.xml") with { PollInterval = TimeSpan.FromSeconds(1) };
        var feed = new FeedDefinition(new Uri("http://127.0.0.1/feed.xml"), Interval: TimeSpan.FromHours(1));

        var change = transitions.AfterSuccess(feed, state, new PollSuccess(NotModified(), FeedRhythm.Unknown, 0), Now);

        Assert.Equal(Now.AddHours(1), change.State.NextPollAt);
    }
}

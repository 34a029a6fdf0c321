using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Pipeline;

namespace FeedHarvester.Tests.Pipeline;

public sealed class FeedPollerTests
{
    [Fact]
    public async Task Poll_LeaseHeldElsewhere_LeftToTheHolderWithoutFetchingOrSaving()
    {
        using var rig = new PollerRig(leaseHeldElsewhere: true);
        rig.ServeFeed(3);

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.Leased, report.Outcome);
        Assert.True(report.Succeeded);
        Assert.Equal(PollerRig.Start + FeedPoller.LeaseDuration, report.NextPollAt);
        Assert.Equal(0, rig.Site.Requests);
        Assert.Empty(rig.States.Saved);
    }

    [Fact]
    public async Task Poll_LeaseGranted_ReleasedWhenThePollEnds()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);

        _ = await rig.PollAsync();

        Assert.Equal((1, 1), (rig.Lease.Requests, rig.Lease.Released));
    }

    [Fact]
    public async Task Poll_StoreDownBeforeThePoll_ErrorRetriedSoonNothingFetchedNothingRecorded()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(3);
        rig.States.FailReads = new IOException("store unreachable");

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.Error, report.Outcome);
        Assert.Equal("store unreachable", report.Message);
        Assert.Equal(PollerRig.Start + TimeSpan.FromSeconds(30), report.NextPollAt);
        Assert.Equal(0, rig.Site.Requests);
        Assert.Empty(rig.States.Saved);
        Assert.Equal(1, rig.Logs.Count(eventId: 109));
    }

    [Fact]
    public async Task Poll_StoreDownWhenTheFailureIsSaved_FailureStillReported()
    {
        using var rig = new PollerRig();
        rig.States.FailSaves = new IOException("store unreachable");

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.FetchFailed(FetchFailureKind.NotFound), report.Outcome);
        Assert.NotNull(report.NextPollAt);
        Assert.Equal(1, rig.Site.RequestsTo(PollerRig.FeedPath));
    }

    [Fact]
    public async Task Poll_StoreDownWhenClaiming_ValidatorsNotAdvancedAndTheNextPollHarvestsEverything()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(3);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { ETag = "\"v1\"" });
        rig.Dedupe.FailClaim = claim => claim == 2 ? new IOException("store unreachable") : null;

        var failed = await rig.PollAsync();

        Assert.Equal(PollOutcome.Error, failed.Outcome);
        Assert.Equal("\"v1\"", rig.States.Get(PollerRig.FeedUrl)!.ETag);
        Assert.Equal(1, rig.States.Get(PollerRig.FeedUrl)!.ConsecutiveErrors);

        rig.Dedupe.FailClaim = null;
        var retried = await rig.PollAsync();

        Assert.Equal(PollOutcome.Ok, retried.Outcome);
        Assert.Equal(PollerRig.NewETag, rig.States.Get(PollerRig.FeedUrl)!.ETag);
        Assert.Equal(
            Enumerable.Range(1, 3).Select(PollerRig.ArticleUrl),
            rig.Sink.Written.Select(a => a.Url).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Poll_ValidatorsAdvance_OnlyOnceEveryNewArticleIsClaimedAndWritten()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(3);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { ETag = "\"v1\"" });

        // A slow sink: rounds started by the claims alone are still writing when the poll would save without a flush.
        rig.Sink.RoundDelay = TimeSpan.FromMilliseconds(300);
        var atSave = new List<(string? ETag, int Claims, int Written)>();
        rig.States.Saving = state => atSave.Add((state.ETag, rig.Dedupe.Claims, rig.Sink.Written.Count));

        var report = await rig.PollAsync();

        Assert.Equal((3, 3), (report.Entries, report.NewArticles));
        Assert.Equal([(PollerRig.NewETag, 3, 3)], atSave);
    }

    [Fact]
    public async Task Poll_StoredNextPollAhead_FollowedWithoutFetching()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(3);
        var stored = PollerRig.Start + TimeSpan.FromMinutes(10);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { NextPollAt = stored });

        var report = await rig.PollAsync(followStoredSchedule: true);

        Assert.Equal(PollOutcome.Leased, report.Outcome);
        Assert.Equal(stored, report.NextPollAt);
        Assert.Equal(0, rig.Site.Requests);
        Assert.Empty(rig.States.Saved);
    }

    [Fact]
    public async Task Poll_StoredNextPollAheadButNotFollowed_Polled()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { NextPollAt = PollerRig.Start + TimeSpan.FromMinutes(10) });

        var report = await rig.PollAsync(followStoredSchedule: false);

        Assert.Equal(PollOutcome.Ok, report.Outcome);
        Assert.Equal(1, rig.Site.RequestsTo(PollerRig.FeedPath));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Poll_StoredNextPollWithinTheSlack_Polled(int secondsAhead)
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { NextPollAt = PollerRig.Start + TimeSpan.FromSeconds(secondsAhead) });

        var report = await rig.PollAsync(followStoredSchedule: true);

        Assert.Equal(PollOutcome.Ok, report.Outcome);
    }

    [Fact]
    public async Task Poll_StoredNextPollJustPastTheSlack_Followed()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { NextPollAt = PollerRig.Start + TimeSpan.FromSeconds(6) });

        var report = await rig.PollAsync(followStoredSchedule: true);

        Assert.Equal(PollOutcome.Leased, report.Outcome);
    }

    [Fact]
    public async Task Poll_StoredNextPollBeyondTheLongestWait_PolledNowAndRescheduledFromThisClock()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { NextPollAt = PollerRig.Start + TimeSpan.FromDays(30) });

        var report = await rig.PollAsync(followStoredSchedule: true);

        Assert.Equal(PollOutcome.Ok, report.Outcome);
        Assert.True(report.NextPollAt < PollerRig.Start + TimeSpan.FromDays(1), $"next poll {report.NextPollAt:u}");
    }

    [Fact]
    public async Task Poll_FeedGone_NotFetched()
    {
        using var rig = new PollerRig();
        rig.ServeFeed(1);
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { Status = FeedStatus.Gone, LastMessage = "fetch: gone (410)" });

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.Gone, report.Outcome);
        Assert.True(report.Disabled);
        Assert.Equal(0, rig.Site.Requests);
    }

    [Fact]
    public async Task Poll_NotModified_StateSavedAndNoEntryHarvested()
    {
        using var rig = new PollerRig();
        rig.States.Put(FeedState.New(PollerRig.FeedUrl) with { ETag = PollerRig.NewETag });
        rig.Site.Serve(PollerRig.FeedPath, request => new HttpResponseMessage(
            request.Headers.IfNoneMatch.ToString() == PollerRig.NewETag ? System.Net.HttpStatusCode.NotModified : System.Net.HttpStatusCode.OK));

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.NotModified, report.Outcome);
        Assert.Equal(0, report.Entries);
        Assert.Equal(0, rig.Dedupe.SeenChecks);
        Assert.Equal(PollOutcome.NotModified.Code, Assert.Single(rig.States.Saved).LastOutcome);
    }

    [Fact]
    public async Task Poll_FetchFailure_StoredWithItsCode()
    {
        using var rig = new PollerRig();

        var report = await rig.PollAsync();

        Assert.False(report.Succeeded);
        Assert.Equal("NotFound", Assert.Single(rig.States.Saved).LastOutcome);
        Assert.StartsWith("fetch: ", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_MalformedFeed_StoredAsMalformed()
    {
        using var rig = new PollerRig();
        rig.Site.Serve(PollerRig.FeedPath, "application/rss+xml", "this is not a feed");

        var report = await rig.PollAsync();

        Assert.Equal(PollOutcome.Malformed, report.Outcome);
        Assert.Equal("Malformed", Assert.Single(rig.States.Saved).LastOutcome);
    }
}

using FeedHarvester.Feeds;
using FeedHarvester.Fetching;

namespace FeedHarvester.Pipeline;

/// <summary>
/// How one poll's outcome changes a feed's stored state: validators, error count, status (Broken after repeated
/// 404s, Gone after a 410), the URL a permanently moved feed is fetched from, and the next poll time.
/// Pure: the caller saves the result and logs the transitions it reports.
/// </summary>
public sealed class FeedStateTransitions(PollSchedule schedule, SchedulingOptions options)
{
    public StateChange AfterSuccess(FeedDefinition feed, FeedState state, PollSuccess success, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(success);
        var fetch = success.Fetch;

        // A 304 says nothing new about the rhythm, so an adaptive feed keeps the interval it had; a pinned interval
        // (or adaptive turned off) always comes from the configuration, which may have been edited meanwhile.
        var interval = fetch.IsNotModified && feed.Interval is null && options.Adaptive && state.PollInterval is { } kept
            ? schedule.RaiseToHint(kept, fetch.FreshFor)
            : schedule.ChooseInterval(feed, success.Rhythm, now);
        var next = schedule.Cap(feed, schedule.NextAfterSuccess(interval, now), now);
        var (moved, redirected) = FollowPermanentRedirect(state, fetch);
        var updated = redirected with
        {
            ETag = fetch.ETag,
            LastModified = fetch.LastModified,
            LastOutcome = success.Outcome.Code,
            LastMessage = null,
            LastPolledAt = now,
            LastSuccessAt = now,
            NextPollAt = next,
            ConsecutiveErrors = 0,
            ArticlesEmitted = state.ArticlesEmitted + success.NewArticles,
            Status = FeedStatus.Active,
            PollInterval = interval,
        };
        return new StateChange(updated, moved ? StateTransition.Moved : state.Status == FeedStatus.Broken ? StateTransition.Recovered : StateTransition.None);
    }

    /// <summary>Whether a stored next poll may be followed now (see <see cref="PollSchedule.IsWithinLongestWait"/>).</summary>
    public bool Trusts(FeedDefinition feed, DateTimeOffset storedNextPoll, DateTimeOffset now) => schedule.IsWithinLongestWait(feed, storedNextPoll, now);

    public StateChange AfterFailure(FeedDefinition feed, FeedState state, PollFailure failure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(failure);
        var errors = state.ConsecutiveErrors + 1;
        var updated = state with
        {
            LastOutcome = failure.Outcome.Code,
            LastMessage = failure.Message,
            LastPolledAt = now,
            ConsecutiveErrors = errors,
        };

        var fetchFailure = failure.Outcome.FetchFailure;
        if (fetchFailure == FetchFailureKind.Gone)
        {
            return new StateChange(updated with { Status = FeedStatus.Gone, NextPollAt = null }, StateTransition.Gone);
        }

        if (fetchFailure == FetchFailureKind.NotFound && errors >= options.BrokenAfterNotFound)
        {
            var transition = state.Status == FeedStatus.Broken ? StateTransition.None : StateTransition.Broken;
            return new StateChange(updated with { Status = FeedStatus.Broken, NextPollAt = now + options.MaxBackoff }, transition);
        }

        // A feed that is only badly formed today keeps its rhythm: backing off would delay its fix being seen.
        var next = failure.Outcome.Kind == PollOutcomeKind.Malformed
            ? schedule.NextAfterSuccess(state.PollInterval ?? schedule.IntervalOf(feed), now)
            : schedule.NextAfterFailure(feed, now, errors, failure.RetryAfter);
        return new StateChange(updated with { NextPollAt = schedule.Cap(feed, next, now) }, StateTransition.None);
    }

    private (bool Moved, FeedState State) FollowPermanentRedirect(FeedState state, FetchResult fetch)
    {
        if (fetch.PermanentRedirect is not { } target)
        {
            // A temporary redirect (or none) says nothing about where the feed lives.
            return (false, state with { RedirectCandidate = null, RedirectSeenCount = 0 });
        }

        var seen = string.Equals(state.RedirectCandidate, target.AbsoluteUri, StringComparison.Ordinal) ? state.RedirectSeenCount + 1 : 1;
        if (seen >= options.RedirectStableAfter)
        {
            return (true, state with { CurrentUrl = target.AbsoluteUri, RedirectCandidate = null, RedirectSeenCount = 0 });
        }

        return (false, state with { RedirectCandidate = target.AbsoluteUri, RedirectSeenCount = seen });
    }
}

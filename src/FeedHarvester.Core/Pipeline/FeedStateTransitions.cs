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
    public StateChange AfterSuccess(FeedDefinition feed, FeedState state, FetchResult fetch, string outcome, FeedRhythm rhythm, int newArticles, DateTimeOffset now)
    {
        // A 304 says nothing new about the rhythm, so an adaptive feed keeps the interval it had; a pinned interval
        // (or adaptive turned off) always comes from the configuration, which may have been edited meanwhile.
        var interval = outcome == PollOutcome.NotModified && feed.Interval is null && options.Adaptive && state.PollInterval is { } kept
            ? schedule.RaiseToHint(kept, fetch.FreshFor)
            : schedule.ChooseInterval(feed, rhythm, now);
        var next = schedule.Cap(feed, schedule.NextAfterSuccess(interval, now), now);
        var (moved, redirected) = FollowPermanentRedirect(state, fetch);
        var updated = redirected with
        {
            ETag = fetch.ETag,
            LastModified = fetch.LastModified,
            LastOutcome = outcome,
            LastMessage = null,
            LastPolledAt = now,
            LastSuccessAt = now,
            NextPollAt = next,
            ConsecutiveErrors = 0,
            ArticlesEmitted = state.ArticlesEmitted + newArticles,
            Status = FeedStatus.Active,
            PollInterval = interval,
        };
        return new StateChange(updated, moved ? StateTransition.Moved : state.Status == FeedStatus.Broken ? StateTransition.Recovered : StateTransition.None);
    }

    /// <summary>Whether a stored next poll may be followed now (see <see cref="PollSchedule.IsWithinLongestWait"/>).</summary>
    public bool Trusts(FeedDefinition feed, DateTimeOffset storedNextPoll, DateTimeOffset now) => schedule.IsWithinLongestWait(feed, storedNextPoll, now);

    public StateChange AfterFailure(FeedDefinition feed, FeedState state, string outcome, string? message, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var errors = state.ConsecutiveErrors + 1;
        var updated = state with
        {
            LastOutcome = outcome,
            LastMessage = message,
            LastPolledAt = now,
            ConsecutiveErrors = errors,
        };

        if (outcome == nameof(FetchFailureKind.Gone))
        {
            return new StateChange(updated with { Status = FeedStatus.Gone, NextPollAt = null }, StateTransition.Gone);
        }

        if (outcome == nameof(FetchFailureKind.NotFound) && errors >= options.BrokenAfterNotFound)
        {
            var transition = state.Status == FeedStatus.Broken ? StateTransition.None : StateTransition.Broken;
            return new StateChange(updated with { Status = FeedStatus.Broken, NextPollAt = now + options.MaxBackoff }, transition);
        }

        // A feed that is only badly formed today keeps its rhythm: backing off would delay its fix being seen.
        var next = outcome == PollOutcome.Malformed
            ? schedule.NextAfterSuccess(state.PollInterval ?? schedule.IntervalOf(feed), now)
            : schedule.NextAfterFailure(feed, now, errors, retryAfter);
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

/// <summary>A feed state after a poll, and the transition worth one log line, if any.</summary>
public sealed record StateChange(FeedState State, StateTransition Transition);

public enum StateTransition
{
    None,

    /// <summary>The feed answered 410: it is no longer polled.</summary>
    Gone,

    /// <summary>The feed failed with 404 too often in a row: flagged broken, polled rarely.</summary>
    Broken,

    /// <summary>A broken feed answered again.</summary>
    Recovered,

    /// <summary>The feed's permanent redirect was seen stable: it is now fetched from the new URL.</summary>
    Moved,
}

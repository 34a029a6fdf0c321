using System.Diagnostics;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Parsing;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>
/// Polls one feed, in this order: lease → stored state → fetch → parse → entries (each harvested by the
/// <see cref="EntryHarvester"/>) → flush what was claimed → state transition → save. The feed's validators are saved
/// only after every new article of the fetch was claimed, so a crash at any point loses nothing.
/// </summary>
public sealed class FeedPoller(
    IPollLease leases,
    IFeedStateStore states,
    HttpFetcher fetcher,
    FeedParser parser,
    EntryHarvester entries,
    EmitPump emitter,
    FeedStateTransitions transitions,
    TimeProvider timeProvider,
    ILogger<FeedPoller> logger,
    HarvestMetrics metrics,
    StoreOutageLog? outages = null)
{
    private readonly StoreOutageLog _outages = outages ?? new StoreOutageLog(logger, timeProvider);

    /// <summary>
    /// A poll's lease on its feed. Held leases are renewed while the poll runs, so this only bounds how long a
    /// worker that died mid-poll keeps others from the feed.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>A stored next poll this far ahead means another worker sharing the store has just polled the feed.</summary>
    private static readonly TimeSpan PolledElsewhereSlack = TimeSpan.FromSeconds(5);

    /// <summary>How soon a poll that could not reach the store is tried again.</summary>
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Polls one feed and harvests its new entries. Never throws for feed or page faults.</summary>
    /// <param name="followStoredSchedule">
    /// Skip the poll when the stored next poll is still ahead: workers sharing one store (Redis mode) each keep their
    /// own timers, and the one that fires second follows the schedule the first one stored instead of polling again.
    /// </param>
    public async Task<PollReport> PollAsync(FeedDefinition feed, CancellationToken cancellationToken, bool followStoredSchedule = false)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var feedUrl = feed.Url.AbsoluteUri;
        try
        {
            var lease = await leases.TryAcquireAsync(feedUrl, LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                return Recorded(PollReport.Skipped(feedUrl, PollOutcome.Leased, "another worker is polling this feed") with { NextPollAt = timeProvider.GetUtcNow() + LeaseDuration });
            }

            await using (lease.ConfigureAwait(false))
            {
                var report = await PollLeasedAsync(feed, followStoredSchedule, cancellationToken).ConfigureAwait(false);
                _outages.Ran();
                return Recorded(report);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store (or the lease) itself failed, so not even the failure could be recorded: the feed is retried
            // soon from its old state, whose validators were not advanced, so nothing is lost.
            _outages.NotRun(feedUrl, ex.Message);
            var retry = timeProvider.GetUtcNow() + StoreRetryDelay;
            return Recorded(new PollReport(feedUrl, PollOutcome.Error, ex.Message, 0, 0, 0, 0, retry, TimeSpan.Zero));
        }
    }

    private PollReport Recorded(PollReport report)
    {
        metrics.RecordPoll(report);
        return report;
    }

    private async Task<PollReport> PollLeasedAsync(FeedDefinition feed, bool followStoredSchedule, CancellationToken cancellationToken)
    {
        var poll = await ReadStateAsync(feed, cancellationToken).ConfigureAwait(false);
        if (Skip(poll, followStoredSchedule) is { } skipped)
        {
            return skipped;
        }

        try
        {
            var fetchedAt = timeProvider.GetUtcNow();
            var fetch = await FetchAsync(poll, cancellationToken).ConfigureAwait(false);
            if (fetch.IsNotModified)
            {
                return await SucceedAsync(poll, new PollSuccess(fetch, FeedRhythm.Unknown, 0), new EntryTally(0), cancellationToken).ConfigureAwait(false);
            }

            if (fetch.TryGetFailure(out var failure))
            {
                var outcome = PollOutcome.FetchFailed(failure.Kind);
                return await FailAsync(poll, new PollFailure(outcome, failure.Message, failure.RetryAfter), cancellationToken).ConfigureAwait(false);
            }

            var parsed = Parse(poll.FeedUrl, fetch);
            if (parsed.IsFailure)
            {
                return await FailAsync(poll, new PollFailure(PollOutcome.Malformed, string.Join("; ", parsed.Errors)), cancellationToken).ConfigureAwait(false);
            }

            var listing = new FeedListing(poll.FeedUrl, parsed.Feed, fetchedAt, poll.Feed.Title, poll.Feed.Category);
            var tally = await entries.HarvestAsync(listing, parsed.Entries, cancellationToken).ConfigureAwait(false);
            _ = await emitter.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await SucceedAsync(poll, new PollSuccess(fetch, RhythmOf(parsed, fetch), tally.New), tally, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PollCrashed(logger, poll.FeedUrl, ex);
            return await FailAsync(poll, new PollFailure(PollOutcome.Error, ex.Message), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PollContext> ReadStateAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var feedUrl = feed.Url.AbsoluteUri;
        var state = await states.GetFeedStateAsync(feedUrl, cancellationToken).ConfigureAwait(false) ?? FeedState.New(feedUrl);
        return new PollContext(feed, state, started);
    }

    /// <summary>The report of a poll that does not run: the feed is gone, or another worker has just polled it.</summary>
    private PollReport? Skip(PollContext poll, bool followStoredSchedule)
    {
        var state = poll.State;
        if (state.Status == FeedStatus.Gone)
        {
            metrics.RecordFeedState(state);
            return PollReport.Skipped(poll.FeedUrl, PollOutcome.Gone, state.LastMessage);
        }

        // A next poll stored by a clock that was ahead (this worker's before it went back, or another worker's) is not
        // followed: the feed is polled now, and the outcome sets its next poll from this clock.
        var now = timeProvider.GetUtcNow();
        if (followStoredSchedule && state.NextPollAt is { } stored && stored > now + PolledElsewhereSlack && transitions.Trusts(poll.Feed, stored, now))
        {
            return PollReport.Skipped(poll.FeedUrl, PollOutcome.Leased, "polled by another worker") with { NextPollAt = stored };
        }

        return null;
    }

    private async Task<FetchResult> FetchAsync(PollContext poll, CancellationToken cancellationToken)
    {
        var state = poll.State;
        var url = state.CurrentUrl is { } moved && Uri.TryCreate(moved, UriKind.Absolute, out var current) ? current : poll.Feed.Url;
        var request = new FetchRequest(url, FetchKind.Feed, state.ETag, state.LastModified, poll.Feed.UserAgent);
        var fetch = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        metrics.RecordFetch(FetchKind.Feed, fetch);
        return fetch;
    }

    private FeedParseResult Parse(string feedUrl, FetchResult fetch)
    {
        var timer = StageTimer.StartSynchronous();
        var parsed = parser.Parse(new FeedDocument(fetch.Body, fetch.ContentType, fetch.FinalUrl ?? fetch.RequestedUrl, fetch.ContentLanguage)
        {
            ContentLocation = fetch.ContentLocation?.IsAbsoluteUri == true ? fetch.ContentLocation.AbsoluteUri : null,
        });
        metrics.RecordStage(HarvestStage.Parse, timer);
        if (!parsed.IsFailure && !parsed.WellFormed)
        {
            Log.FeedRecovered(logger, feedUrl, parsed.Entries.Count, string.Join("; ", parsed.Errors));
        }
        else if (!parsed.IsFailure && parsed.Errors.Count > 0)
        {
            // A well-formed feed's only errors are decoding notes (a declared charset ignored, e.g. UTF-7).
            Log.FeedNotes(logger, feedUrl, string.Join("; ", parsed.Errors));
        }

        return parsed;
    }

    private static FeedRhythm RhythmOf(FeedParseResult parsed, FetchResult fetch) => new(
        parsed.Entries.Select(e => e.Published ?? e.Updated).OfType<DateTimeOffset>().ToList(),
        FeedRhythm.Longest(parsed.Feed.TimeToLive, fetch.FreshFor));

    private async Task<PollReport> SucceedAsync(PollContext poll, PollSuccess success, EntryTally tally, CancellationToken cancellationToken)
    {
        var change = transitions.AfterSuccess(poll.Feed, poll.State, success, timeProvider.GetUtcNow());
        await states.SaveFeedStateAsync(change.State, cancellationToken).ConfigureAwait(false);
        metrics.RecordFeedState(change.State);
        LogTransition(change);
        var elapsed = poll.Elapsed;
        var outcome = success.Outcome;
        if (outcome.Kind == PollOutcomeKind.NotModified)
        {
            Log.PollNotModified(logger, poll.FeedUrl, outcome.Code, change.State.NextPollAt);
        }
        else
        {
            Log.PollSucceeded(logger, poll.FeedUrl, outcome.Code, tally.Entries, tally.New, tally.FromFeed, tally.Duplicates, tally.Rejected, (long)elapsed.TotalMilliseconds);
        }

        return new PollReport(poll.FeedUrl, outcome, null, tally.Entries, tally.New, tally.Duplicates, tally.FromFeed, change.State.NextPollAt, elapsed)
        {
            Rejected = tally.Rejected,
            LinkedCopies = tally.LinkedCopies,
            DroppedCopies = tally.DroppedCopies,
        };
    }

    private async Task<PollReport> FailAsync(PollContext poll, PollFailure failure, CancellationToken cancellationToken)
    {
        var change = transitions.AfterFailure(poll.Feed, poll.State, failure, timeProvider.GetUtcNow());
        try
        {
            await states.SaveFeedStateAsync(change.State, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store itself is failing; the poll is still reported, and the feed retried from its old state.
            Log.PollCrashed(logger, poll.FeedUrl, ex);
        }

        metrics.RecordFeedState(change.State);
        if (change.Transition == StateTransition.None)
        {
            Log.PollFailed(logger, poll.FeedUrl, failure.Outcome.Code, failure.Message, change.State.ConsecutiveErrors, change.State.NextPollAt);
        }

        LogTransition(change);
        return new PollReport(poll.FeedUrl, failure.Outcome, failure.Message, 0, 0, 0, 0, change.State.NextPollAt, poll.Elapsed);
    }

    private void LogTransition(StateChange change)
    {
        var state = change.State;
        switch (change.Transition)
        {
            case StateTransition.Gone:
                Log.FeedGone(logger, state.FeedUrl, state.LastMessage);
                break;
            case StateTransition.Broken:
                Log.FeedBroken(logger, state.FeedUrl, state.ConsecutiveErrors, state.NextPollAt);
                break;
            case StateTransition.Recovered:
                Log.FeedRecoveredFromBroken(logger, state.FeedUrl);
                break;
            case StateTransition.Moved:
                Log.FeedMoved(logger, state.FeedUrl, state.CurrentUrl);
                break;
        }
    }
}

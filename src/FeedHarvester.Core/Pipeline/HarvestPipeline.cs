using System.Diagnostics;
using FeedHarvester.Deduplication;
using FeedHarvester.Diagnostics;
using FeedHarvester.Emitting;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>
/// The one class that knows the stage order: fetch the feed → parse → for each new entry fetch the page →
/// extract → normalize → dedupe-and-queue → emit (as claims happen, flushed before the poll ends) → save the feed's state. Feed validators are advanced only
/// after every new article of the fetch was claimed, so a crash at any point loses nothing.
/// </summary>
public sealed class HarvestPipeline(
    HarvestStages stages,
    IFeedStateStore states,
    IPollLease leases,
    IDedupeStore dedupe,
    EmitPump emitter,
    FeedStateTransitions transitions,
    SchedulingOptions scheduling,
    TimeProvider timeProvider,
    ILogger<HarvestPipeline> logger,
    HarvestMetrics? metrics = null)
{
    /// <summary>
    /// A poll's lease on its feed. Held leases are renewed while the poll runs, so this only bounds how long a
    /// worker that died mid-poll keeps others from the feed.
    /// </summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>A stored next poll this far ahead means another worker sharing the store has just polled the feed.</summary>
    private static readonly TimeSpan PolledElsewhereSlack = TimeSpan.FromSeconds(5);

    /// <summary>How soon a poll that could not reach the store is tried again.</summary>
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(30);

    private readonly InFlightUrls inFlight = new();

    // Optional so the DI registration stays as it is: unregistered, DI passes null and the shared instance records.
    private readonly HarvestMetrics metrics = metrics ?? HarvestMetrics.Shared;

    // Timed here rather than at each call, so the seen-check and claim stages are measured whichever store is behind.
    private readonly IDedupeStore dedupe = new TimedDedupeStore(dedupe, metrics ?? HarvestMetrics.Shared);

    /// <summary>Writes out whatever an earlier, interrupted run left queued. Call once at start-up.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var result = await emitter.FlushAsync(cancellationToken).ConfigureAwait(false);
        var total = result.Emitted + result.Recovered;
        if (total > 0)
        {
            Log.RecoveredPending(logger, total);
        }

        return total;
    }

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
                return Recorded(await PollLeasedAsync(feed, followStoredSchedule, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store (or the lease) itself failed, so not even the failure could be recorded: the feed is retried
            // soon from its old state, whose validators were not advanced, so nothing is lost.
            Log.PollNotRun(logger, feedUrl, ex.Message);
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
        var started = Stopwatch.GetTimestamp();
        var feedUrl = feed.Url.AbsoluteUri;
        var state = await states.GetFeedStateAsync(feedUrl, cancellationToken).ConfigureAwait(false) ?? FeedState.New(feedUrl);
        if (state.Status == FeedStatus.Gone)
        {
            metrics.RecordFeedState(state);
            return PollReport.Skipped(feedUrl, PollOutcome.Gone, state.LastMessage);
        }

        // A next poll stored by a clock that was ahead (this worker's before it went back, or another worker's) is not
        // followed: the feed is polled now, and the outcome sets its next poll from this clock.
        var now = timeProvider.GetUtcNow();
        if (followStoredSchedule && state.NextPollAt is { } stored && stored > now + PolledElsewhereSlack && transitions.Trusts(feed, stored, now))
        {
            return PollReport.Skipped(feedUrl, PollOutcome.Leased, "polled by another worker") with { NextPollAt = stored };
        }

        try
        {
            var fetchedAt = timeProvider.GetUtcNow();
            var fetch = await FetchFeedAsync(feed, state, cancellationToken).ConfigureAwait(false);
            metrics.RecordFetch(FetchKind.Feed, fetch);
            if (fetch.IsNotModified)
            {
                return await SucceedAsync(feed, state, new PollSuccess(fetch, FeedRhythm.Unknown, 0), 0, new EntryTally(), started, cancellationToken).ConfigureAwait(false);
            }

            if (fetch.TryGetFailure(out var failure))
            {
                return await FailAsync(feed, state, new PollFailure(PollOutcome.FetchFailed(failure.Kind), failure.Message, failure.RetryAfter), started, cancellationToken).ConfigureAwait(false);
            }

            var parsed = Parse(feedUrl, fetch);
            if (parsed.IsFailure)
            {
                return await FailAsync(feed, state, new PollFailure(PollOutcome.Malformed, string.Join("; ", parsed.Errors)), started, cancellationToken).ConfigureAwait(false);
            }

            var tally = await HarvestEntriesAsync(feedUrl, parsed, fetchedAt, cancellationToken).ConfigureAwait(false);
            _ = await emitter.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await SucceedAsync(feed, state, new PollSuccess(fetch, RhythmOf(parsed, fetch), tally.New), parsed.Entries.Count, tally, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PollCrashed(logger, feedUrl, ex);
            return await FailAsync(feed, state, new PollFailure(PollOutcome.Error, ex.Message), started, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<FetchResult> FetchFeedAsync(FeedDefinition feed, FeedState state, CancellationToken cancellationToken)
    {
        var url = state.CurrentUrl is { } moved && Uri.TryCreate(moved, UriKind.Absolute, out var current) ? current : feed.Url;
        return stages.Fetcher.FetchAsync(new FetchRequest(url, FetchKind.Feed, state.ETag, state.LastModified, feed.UserAgent), cancellationToken);
    }

    private static FeedRhythm RhythmOf(FeedParseResult parsed, FetchResult fetch) => new(
        parsed.Entries.Select(e => e.Published ?? e.Updated).OfType<DateTimeOffset>().ToList(),
        FeedRhythm.Longest(parsed.Feed.TimeToLive, fetch.FreshFor));

    private FeedParseResult Parse(string feedUrl, FetchResult fetch)
    {
        var timer = StageTimer.StartSynchronous();
        var parsed = stages.Parser.Parse(new FeedDocument(fetch.Body, fetch.ContentType, fetch.FinalUrl ?? fetch.RequestedUrl, fetch.ContentLanguage)
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

    private async Task<EntryTally> HarvestEntriesAsync(string feedUrl, FeedParseResult parsed, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        var tally = new EntryTally();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = scheduling.MaxConcurrentArticlesPerFeed, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(parsed.Entries, parallel, async (entry, token) =>
        {
            // Back-pressure: while the sink is behind by its whole backlog, no new entry starts.
            await emitter.WaitForRoomAsync(token).ConfigureAwait(false);
            tally.Add(await HarvestEntryAsync(feedUrl, parsed.Feed, entry, fetchedAt, tally, token).ConfigureAwait(false));
        }).ConfigureAwait(false);
        return tally;
    }

    private async Task<EntryOutcome> HarvestEntryAsync(string feedUrl, ParsedFeed feed, ParsedEntry entry, DateTimeOffset fetchedAt, EntryTally tally, CancellationToken cancellationToken)
    {
        var entryKeys = DedupeKeyBuilder.ForEntry(feedUrl, entry);
        using var hold = entryKeys.FirstOrDefault(k => k.Kind == DedupeKeyKind.Url) is { Value: not null } urlKey
            ? await inFlight.EnterAsync(urlKey.Value, cancellationToken).ConfigureAwait(false)
            : null;
        if (entryKeys.Count > 0 && await dedupe.FindSeenAsync(entryKeys, cancellationToken).ConfigureAwait(false) is not null)
        {
            return EntryOutcome.Duplicate;
        }

        var page = await stages.PageReader.ReadAsync(entry, cancellationToken).ConfigureAwait(false);
        if (page.Failure is { RejectsEntry: true } refusal)
        {
            // Refused by policy (a private address, a page past the size limit): not an article to pass on.
            Log.EntryRejected(logger, entry.Link ?? entry.Id ?? "?", feedUrl, refusal.ToString());
            return EntryOutcome.Rejected;
        }

        var article = Normalize(new NormalizationInput(feedUrl, feed, entry, page.Article, page.Url, page.Failure, fetchedAt));
        var verdict = await dedupe.TryClaimAsync(article, stages.KeyBuilder.For(article), cancellationToken).ConfigureAwait(false);
        if (verdict is { IsNew: false, Story: { } dropped })
        {
            Log.NearCopyDropped(logger, article.Url, feedUrl, dropped.DuplicateOf, dropped.Similarity, dropped.StoryId);
            return EntryOutcome.DroppedCopy;
        }

        if (!verdict.IsNew)
        {
            return EntryOutcome.Duplicate;
        }

        emitter.Signal();
        if (verdict.Story is not null)
        {
            // The store already logs the link (with its similarity) as it claims; here it is only counted.
            tally.AddLinkedCopy();
        }

        if (article.Extraction.Method == ExtractionInfo.PageMethod)
        {
            return EntryOutcome.NewFromPage;
        }

        Log.PageFallback(logger, article.Url, feedUrl, article.Extraction.FallbackReason);
        return EntryOutcome.NewFromFeed;
    }

    private Article Normalize(NormalizationInput input)
    {
        var timer = StageTimer.StartSynchronous();
        var article = stages.Normalizer.Normalize(input);
        metrics.RecordStage(HarvestStage.Normalize, timer);
        return article;
    }

    private async Task<PollReport> SucceedAsync(FeedDefinition feed, FeedState state, PollSuccess success, int entries, EntryTally tally, long started, CancellationToken cancellationToken)
    {
        var outcome = success.Outcome;
        var change = transitions.AfterSuccess(feed, state, success, timeProvider.GetUtcNow());
        await states.SaveFeedStateAsync(change.State, cancellationToken).ConfigureAwait(false);
        metrics.RecordFeedState(change.State);
        LogTransition(change);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var next = change.State.NextPollAt;
        if (outcome.Kind == PollOutcomeKind.NotModified)
        {
            Log.PollNotModified(logger, state.FeedUrl, outcome.Code, next);
        }
        else
        {
            Log.PollSucceeded(logger, state.FeedUrl, outcome.Code, entries, tally.New, tally.FromFeed, tally.Duplicates, tally.Rejected, (long)elapsed.TotalMilliseconds);
        }

        return new PollReport(state.FeedUrl, outcome, null, entries, tally.New, tally.Duplicates, tally.FromFeed, next, elapsed)
        {
            Rejected = tally.Rejected,
            LinkedCopies = tally.LinkedCopies,
            DroppedCopies = tally.DroppedCopies,
        };
    }

    private async Task<PollReport> FailAsync(FeedDefinition feed, FeedState state, PollFailure failure, long started, CancellationToken cancellationToken)
    {
        var change = transitions.AfterFailure(feed, state, failure, timeProvider.GetUtcNow());
        try
        {
            await states.SaveFeedStateAsync(change.State, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store itself is failing; the poll is still reported, and the feed retried from its old state.
            Log.PollCrashed(logger, state.FeedUrl, ex);
        }

        metrics.RecordFeedState(change.State);
        if (change.Transition == StateTransition.None)
        {
            Log.PollFailed(logger, state.FeedUrl, failure.Outcome.Code, failure.Message, change.State.ConsecutiveErrors, change.State.NextPollAt);
        }

        LogTransition(change);
        return new PollReport(state.FeedUrl, failure.Outcome, failure.Message, 0, 0, 0, 0, change.State.NextPollAt, Stopwatch.GetElapsedTime(started));
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

using Microsoft.Extensions.Logging;

namespace FeedHarvester.Pipeline;

/// <summary>Every log line of the feed poller and the entry harvester, with the same field names everywhere (FeedUrl, ArticleUrl, Outcome, Reason).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Polled {FeedUrl}: {Outcome}, {Entries} entries, {NewArticles} new ({FromFeedContent} from feed content), {Duplicates} already seen, {Rejected} rejected, {ElapsedMs} ms")]
    public static partial void PollSucceeded(ILogger logger, string feedUrl, string outcome, int entries, int newArticles, int fromFeedContent, int duplicates, int rejected, long elapsedMs);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Polled {FeedUrl}: {Outcome}, next poll {NextPollAt:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")]
    public static partial void PollNotModified(ILogger logger, string feedUrl, string outcome, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Poll of {FeedUrl} failed: {Outcome}: {Reason}; error {ConsecutiveErrors} in a row, next poll {NextPollAt:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")]
    public static partial void PollFailed(ILogger logger, string feedUrl, string outcome, string? reason, int consecutiveErrors, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 109, Level = LogLevel.Debug, Message = "Poll of {FeedUrl} could not run: {Reason}; retried soon, nothing was recorded")]
    public static partial void PollNotRun(ILogger logger, string feedUrl, string reason);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning,
        Message = "Polls cannot reach the store: {Reason} (first: {FeedUrl}); each feed is retried every 30 s, nothing is recorded until the store answers")]
    public static partial void PollsCannotRun(ILogger logger, string reason, string feedUrl);

    [LoggerMessage(EventId = 116, Level = LogLevel.Information, Message = "Polls reach the store again after {DowntimeSeconds:0} s ({NotRun} poll attempts could not run meanwhile)")]
    public static partial void PollsRunAgain(ILogger logger, double downtimeSeconds, int notRun);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Feed {FeedUrl} is gone (410): it will not be polled again until its URL changes in the feed list ({Reason})")]
    public static partial void FeedGone(ILogger logger, string feedUrl, string? reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Feed {FeedUrl} flagged broken after {ConsecutiveErrors} not-found answers in a row; polled only at the longest back-off, next {NextPollAt:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")]
    public static partial void FeedBroken(ILogger logger, string feedUrl, int consecutiveErrors, DateTimeOffset? nextPollAt);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Feed {FeedUrl} answers again; no longer flagged broken")]
    public static partial void FeedRecoveredFromBroken(ILogger logger, string feedUrl);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Feed {FeedUrl} moved permanently; now fetched from {CurrentUrl}")]
    public static partial void FeedMoved(ILogger logger, string feedUrl, string? currentUrl);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Feed {FeedUrl} is not well-formed; {Entries} entries recovered: {Reason}")]
    public static partial void FeedRecovered(ILogger logger, string feedUrl, int entries, string reason);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Feed {FeedUrl} read with notes: {Reason}")]
    public static partial void FeedNotes(ILogger logger, string feedUrl, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Poll of {FeedUrl} stopped by an internal error; the feed will be retried and its validators were not advanced")]
    public static partial void PollCrashed(ILogger logger, string feedUrl, Exception exception);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, Message = "Article {ArticleUrl} of {FeedUrl} emitted from the feed's content: {Reason}")]
    public static partial void PageFallback(ILogger logger, string articleUrl, string feedUrl, string? reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Entry {ArticleUrl} of {FeedUrl} not harvested: {Reason}")]
    public static partial void EntryRejected(ILogger logger, string articleUrl, string feedUrl, string? reason);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "Article {ArticleUrl} of {FeedUrl} not emitted: a near-copy of {DuplicateOf} (similarity {Similarity:0.00}), story {StoryId}")]
    public static partial void NearCopyDropped(ILogger logger, string articleUrl, string feedUrl, string duplicateOf, double similarity, string storyId);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Extraction of {ArticleUrl} threw; the feed's content is used instead")]
    public static partial void ExtractorCrashed(ILogger logger, string articleUrl, Exception exception);
}

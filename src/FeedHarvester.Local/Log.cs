using Microsoft.Extensions.Logging;

namespace FeedHarvester.Local;

/// <summary>Every log line of the local store and sink, with the field names used across FeedHarvester.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Opened local store at {Path} (schema version {SchemaVersion}); output {OutputPath}")]
    public static partial void StoreOpened(ILogger logger, string path, int schemaVersion, string outputPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Claimed article {ArticleId} from {FeedUrl} as new")]
    public static partial void ArticleClaimed(ILogger logger, string articleId, string feedUrl);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Article {ArticleId} from {FeedUrl} is a duplicate: key {Key} already seen")]
    public static partial void ArticleDuplicate(ILogger logger, string articleId, string feedUrl, string key);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Purged {Count} seen keys and {IndexRows} near-duplicate index rows older than {OlderThan:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")]
    public static partial void SeenKeysPurged(ILogger logger, int count, int indexRows, DateTimeOffset olderThan);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug,
        Message = "Claimed article {ArticleId} from {FeedUrl} as a near-copy of {DuplicateOf} (similarity {Similarity:0.00}), story {StoryId}")]
    public static partial void CopyLinked(ILogger logger, string articleId, string feedUrl, string duplicateOf, string storyId, double similarity);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Emitted {Count} records to {Path}")]
    public static partial void RecordsEmitted(ILogger logger, int count, string path);

    // Debug: the emit pump's start-up recovery line gives the total; a later round's recovery is rare and shows in the counts.
    [LoggerMessage(EventId = 11, Level = LogLevel.Debug,
        Message = "Recovered {Count} records already written to {Path} by an interrupted emit")]
    public static partial void RecordsRecovered(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug,
        Message = "Truncated an incomplete last line of {Bytes} bytes from {Path}, left by an interrupted emit")]
    public static partial void PartialLineTruncated(ILogger logger, long bytes, string path);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning,
        Message = "Output file {Path} holds {Length} bytes, fewer than the {CommittedLength} committed: it was rotated or replaced; " +
            "taking its current length as the base and not re-emitting earlier records")]
    public static partial void OutputShorterThanCommitted(ILogger logger, string path, long length, long committedLength);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "Kept an unrecognized line at byte {Offset} of {Path} past the committed length: {Reason}")]
    public static partial void UnrecognizedLineKept(ILogger logger, long offset, string path, string reason);

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug,
        Message = "Cut {Bytes} unconfirmed bytes from the end of {Path} after a failed write; their records stay queued")]
    public static partial void UnconfirmedTailCut(ILogger logger, long bytes, string path);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning,
        Message = "Seen keys not purged: the clock ({Now:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}) is behind the newest seen key ({NewestSeenKey:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}), so it went back; " +
            "purging waits until the clock is past that key again")]
    public static partial void PurgeSkippedClockBehind(ILogger logger, DateTimeOffset now, DateTimeOffset newestSeenKey);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "The clock ({Now:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}) is past the newest seen key again; purging seen keys resumes")]
    public static partial void PurgeResumed(ILogger logger, DateTimeOffset now);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning,
        Message = "Every seen key is older than the retention of {Retention} (the newest from {NewestSeenKey:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}): the clock that dated them was behind, " +
            "or the worker was stopped that long. Rather than forget every article at once, the dates of {Count} keys were moved forward by {Shift}, keeping their order")]
    public static partial void SeenKeysRedated(ILogger logger, int count, DateTimeOffset newestSeenKey, TimeSpan retention, TimeSpan shift);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning,
        Message = "Purging seen keys older than {OlderThan} failed: {Reason}; tried again in {RetryIn}")]
    public static partial void PurgeFailed(ILogger logger, DateTimeOffset olderThan, string reason, TimeSpan retryIn);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning,
        Message = "Background checkpoint of {Path} failed: {Reason}; the writer checkpoints by itself once the log passes its limit")]
    public static partial void CheckpointFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "Background checkpoint of {Path} works again")]
    public static partial void CheckpointRecovered(ILogger logger, string path);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Re-seeded the new store from {Path}: the keys of {Count} records recorded ({Indexed} in the near-copy index) in {Elapsed}; " +
            "feed state starts anew, so every feed is fetched in full once")]
    public static partial void Reseeded(ILogger logger, int count, int indexed, string path, TimeSpan elapsed);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning,
        Message = "Cut an incomplete last line of {Bytes} bytes from {Path} while re-seeding: its record was never confirmed, " +
            "so the article is harvested again if its feed still lists it")]
    public static partial void ReseedTornLineCut(ILogger logger, long bytes, string path);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning,
        Message = "{Count} lines of {Path} are not article records (the first at byte {Offset}): kept in the file, no keys recorded for them")]
    public static partial void ReseedLinesNotRecords(ILogger logger, int count, string path, long offset);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information,
        Message = "ReseedFromOutput is set but the store at {Path} already has its state: nothing re-seeded")]
    public static partial void ReseedNotNeeded(ILogger logger, string path);
}

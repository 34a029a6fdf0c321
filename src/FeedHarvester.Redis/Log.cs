using Microsoft.Extensions.Logging;

namespace FeedHarvester.Redis;

/// <summary>Every log line of Redis mode, with the field names used across FeedHarvester.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Claimed article {ArticleId} from {FeedUrl} as new: stream entry {EntryId}")]
    public static partial void ArticleClaimed(ILogger logger, string articleId, string feedUrl, string entryId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Debug,
        Message = "Article {ArticleId} from {FeedUrl} is a duplicate: key {Key} already seen")]
    public static partial void ArticleDuplicate(ILogger logger, string articleId, string feedUrl, string key);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug,
        Message = "Claimed article {ArticleId} from {FeedUrl} as a copy of {DuplicateOf} (story {StoryId}, similarity {Similarity:F2}): stream entry {EntryId}")]
    public static partial void ArticleLinked(ILogger logger, string articleId, string feedUrl, string duplicateOf, string storyId, double similarity, string entryId);

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning,
        Message = "Redis unreachable at {Endpoint} ({Reason}): claims fail and polls retry with back-off until it is back")]
    public static partial void RedisUnreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 312, Level = LogLevel.Error,
        Message = "Redis at {Endpoint} refuses authentication: check {What}; claims fail and polls retry with back-off until it accepts them")]
    public static partial void RedisAuthenticationRefused(ILogger logger, string endpoint, string what);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "Redis reachable again at {Endpoint}")]
    public static partial void RedisReachableAgain(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 330, Level = LogLevel.Warning,
        Message = "tail: lost Redis at {Endpoint} ({Reason}); reconnecting, and carrying on where it left off once it is back")]
    public static partial void TailConnectionLost(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 331, Level = LogLevel.Information, Message = "tail: Redis at {Endpoint} is back; carrying on after entry {Position}")]
    public static partial void TailConnectionBack(ILogger logger, string endpoint, string position);

    [LoggerMessage(EventId = 320, Level = LogLevel.Warning,
        Message = "Could not release the poll lease on {FeedUrl}: {Reason}; it expires on its own")]
    public static partial void LeaseReleaseFailed(ILogger logger, string feedUrl, string reason);
}

using Microsoft.Extensions.Logging;

namespace FeedHarvester.Extraction;

/// <summary>Structured log messages of the extract stage.</summary>
internal static partial class ExtractionLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug,
        Message = "Extract pass {Path} for {ArticleUrl}: {Chars} chars, {Removed} nodes removed")]
    public static partial void PassTried(ILogger logger, string path, Uri articleUrl, int chars, int removed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug,
        Message = "Extract candidates for {ArticleUrl} ({Path}): {Candidates}")]
    public static partial void Candidates(ILogger logger, Uri articleUrl, string path, string candidates);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug,
        Message = "Extract chose {Path} for {ArticleUrl}: {Chars} chars, {Words} words (passes: {Passes})")]
    public static partial void PathChosen(ILogger logger, string path, Uri articleUrl, int chars, int words, string passes);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "Extract found no article text in {ArticleUrl}")]
    public static partial void NoArticle(ILogger logger, Uri articleUrl);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Page {ArticleUrl}: {Reason}; decoded by the next declaration or as UTF-8")]
    public static partial void CharsetIgnored(ILogger logger, Uri articleUrl, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning,
        Message = "Page {ArticleUrl} was not extracted ({Reason}); the feed's content is used instead")]
    public static partial void PageRefused(ILogger logger, Uri articleUrl, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug,
        Message = "Extract step {Path} won for {ArticleUrl} (page votes {Evidence}; scored {ScoredChars} chars, main region {RegionChars}, chosen {Chars})")]
    public static partial void BodyChosen(ILogger logger, Uri articleUrl, string path, string evidence, int scoredChars, int regionChars, int chars);
}

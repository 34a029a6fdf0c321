using Microsoft.Extensions.Logging;

namespace FeedHarvester.Cleaning;

internal static partial class CleaningLog
{
    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning,
        Message = "Sanitizing the body of {ArticleUrl} was stopped after {Seconds} s (Extraction:PageTimeBudget); the article keeps its words as plain text")]
    public static partial void TimeBudgetExceeded(ILogger logger, Uri articleUrl, double seconds);
}

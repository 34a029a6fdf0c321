using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedHarvester.Worker.Configuration;

/// <summary>What the configuration decided that an operator should see at start: feed entries skipped, the sample list in use, a list that replaced another, the proxy in use.</summary>
internal static partial class StartupRemarks
{
    public static void Log(IServiceProvider services, HarvesterSettings settings)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FeedHarvester.Worker.Configuration");
        foreach (var skipped in settings.SkippedFeeds)
        {
            LogFeedSkipped(logger, skipped);
        }

        foreach (var note in settings.Notes)
        {
            LogNote(logger, note);
        }

        LogFeeds(logger, settings.Feeds.Count, settings.FeedSource);
        LogProxy(logger, settings.Proxy.Summary);
    }

    [LoggerMessage(EventId = 230, Level = LogLevel.Warning, Message = "Feed list entry skipped: {Reason}")]
    private static partial void LogFeedSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 231, Level = LogLevel.Information, Message = "{Note}")]
    private static partial void LogNote(ILogger logger, string note);

    [LoggerMessage(EventId = 232, Level = LogLevel.Information, Message = "Feeds from {FeedSource}: {FeedCount}")]
    private static partial void LogFeeds(ILogger logger, int feedCount, string feedSource);

    [LoggerMessage(EventId = 233, Level = LogLevel.Information, Message = "{ProxySummary}")]
    private static partial void LogProxy(ILogger logger, string proxySummary);
}

using Microsoft.Extensions.Logging;

namespace FeedHarvester.Emitting;

/// <summary>Every log line of the emit pump: the sink failing, crashing, recovering, and the start-up recovery.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 121, Level = LogLevel.Warning,
        Message = "Writing queued articles failed ({Kind}): {Reason}; {Backlog} articles wait, more queue up behind them, and writing is retried with back-off up to every {MaxRetrySeconds} s; not ready until it works again")]
    public static partial void SinkFailing(ILogger logger, EmitFailureKind kind, string reason, long backlog, double maxRetrySeconds);

    [LoggerMessage(EventId = 122, Level = LogLevel.Error, Message = "The sink threw while writing queued articles; they stay queued and are retried")]
    public static partial void SinkCrashed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information, Message = "Writing queued articles works again after {DowntimeSeconds:0.0} s: {Written} articles written")]
    public static partial void SinkRecovered(ILogger logger, double downtimeSeconds, int written);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information,
        Message = "Recovered what an earlier run left: {Written} queued articles written, {Confirmed} found already written at the end of the output (a torn last line is cut and its article written again)")]
    public static partial void RecoveredPending(ILogger logger, int written, int confirmed);
}

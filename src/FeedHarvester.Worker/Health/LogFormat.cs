using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Health;

/// <summary>How console logs are written (FeedHarvester:Observability:LogFormat).</summary>
internal enum LogFormat
{
    /// <summary>One line per event, to stderr.</summary>
    Simple,

    /// <summary>One JSON object per event.</summary>
    Json,
}

using FeedHarvester.Settings;

namespace FeedHarvester.Fetching;

/// <summary>Defaults of <see cref="FetchingOptions"/>, in one place.</summary>
internal static class FetchingDefaults
{
    public const string ProjectUrl = "https://github.com/feedharvester/feedharvester";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public static readonly string UserAgent =
        $"FeedHarvester/{typeof(FetchingDefaults).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} (+{ProjectUrl})";
    public const long MaxFeedBytes = 10L * 1024 * 1024;
    public const long MaxPageBytes = 5L * 1024 * 1024;
    public const int MaxConcurrentRequestsPerHost = 2;
    public const int MaxRedirects = 5;
}

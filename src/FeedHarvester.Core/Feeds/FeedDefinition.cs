namespace FeedHarvester.Feeds;

/// <summary>One feed the operator asked for, as read from configuration, a feed list or OPML.</summary>
/// <param name="Url">The feed's absolute http or https URL.</param>
/// <param name="Interval">Poll interval for this feed; null means the configured default.</param>
/// <param name="Title">Optional display name.</param>
/// <param name="Category">Optional category (OPML folder or <c>category</c> attribute).</param>
/// <param name="Enabled">False keeps the feed listed but never polled.</param>
/// <param name="UserAgent">The User-Agent sent when fetching this feed; null means the configured one.</param>
public sealed record FeedDefinition(
    Uri Url,
    TimeSpan? Interval = null,
    string? Title = null,
    string? Category = null,
    bool Enabled = true,
    string? UserAgent = null);

using FeedHarvester.Deduplication;
using FeedHarvester.Extraction;
using FeedHarvester.Feeds;
using FeedHarvester.Fetching;
using FeedHarvester.Local;
using FeedHarvester.Redis;
using FeedHarvester.Settings;
using FeedHarvester.Worker.Health;
using Microsoft.Extensions.Options;

namespace FeedHarvester.Worker.Configuration;

/// <summary>One feed in configuration (FeedHarvester:Feeds:N).</summary>
internal sealed class FeedOptions
{
    public string? Url { get; set; }

    /// <summary>This feed's poll interval; the default is Scheduling:DefaultInterval.</summary>
    public TimeSpan? Interval { get; set; }

    public string? Title { get; set; }

    public string? Category { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The User-Agent sent for this feed; the default is Fetching:UserAgent.</summary>
    public string? UserAgent { get; set; }
}

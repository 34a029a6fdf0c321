namespace FeedHarvester.Redis;

/// <summary>Redis mode. Section FeedHarvester:Redis; the mode is on when <see cref="Configuration"/> is set.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "FeedHarvester:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379". The default is none (embedded mode).</summary>
    public string? Configuration { get; set; }
}

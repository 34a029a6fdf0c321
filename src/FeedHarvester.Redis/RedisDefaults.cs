namespace FeedHarvester.Redis;

/// <summary>Defaults and limits of <see cref="RedisOptions"/>.</summary>
internal static class RedisDefaults
{
    public const string KeyPrefix = "feedharvester:";

    public const string StreamKey = "feedharvester:articles";

    public const StreamTrimming StreamTrimming = Redis.StreamTrimming.MinId;

    /// <summary>Enough for a few days of a busy harvest at the default retention's rate, if MAXLEN is chosen.</summary>
    public const long StreamMaxLength = 1_000_000;

    public static readonly TimeSpan SeenKeyRetention = TimeSpan.FromDays(90);

    public static readonly TimeSpan StreamRetention = TimeSpan.FromDays(7);

    /// <summary>Syndicated copies of a story appear within hours or days of the first; a week catches them at a fraction of the memory.</summary>
    public static readonly TimeSpan NearCopyRetention = TimeSpan.FromDays(7);

    public static readonly TimeSpan PollLeaseDuration = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound of the retentions: ten years, far past any feed's memory and inside Redis's integer TTL range.</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(3650);
}

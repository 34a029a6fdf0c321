using FeedHarvester.Deduplication;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>The one place that names FeedHarvester's Redis keys (the stream's name comes from the options).</summary>
internal static class RedisKeys
{
    public static string SeenPrefix(string keyPrefix) => keyPrefix + "seen:";

    public static string FeedPrefix(string keyPrefix) => keyPrefix + "feed:";

    public static string LeasePrefix(string keyPrefix) => keyPrefix + "lease:";

    /// <summary>A sorted set of every feed URL with score 0, so ZRANGE returns them in ordinal order.</summary>
    public static string FeedIndex(string keyPrefix) => keyPrefix + "feeds";

    /// <summary>"{prefix}seen:url:https://…": the key's stored form, so redis-cli shows what was seen.</summary>
    public static RedisKey Seen(string keyPrefix, DedupeKey key) => SeenPrefix(keyPrefix) + key.ToString();

    public static RedisKey Feed(string keyPrefix, string feedUrl) => FeedPrefix(keyPrefix) + feedUrl;

    public static RedisKey Lease(string keyPrefix, string feedUrl) => LeasePrefix(keyPrefix) + feedUrl;
}

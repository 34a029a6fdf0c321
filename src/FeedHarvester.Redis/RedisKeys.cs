using System.Globalization;
using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>The one place that names FeedHarvester's Redis keys (the stream's name comes from the options).</summary>
internal static class RedisKeys
{
    public static string SeenPrefix(string keyPrefix) => keyPrefix + "seen:";

    public static string FeedPrefix(string keyPrefix) => keyPrefix + "feed:";

    public static string LeasePrefix(string keyPrefix) => keyPrefix + "lease:";

    /// <summary>
    /// "{prefix}nd1:": the near-duplicate index. The version is <see cref="MinHashTuning.IndexVersion"/>, so an index built
    /// with other tuning is never read (it simply expires).
    /// </summary>
    public static string NearDuplicatePrefix(string keyPrefix) =>
        keyPrefix + "nd" + MinHashTuning.IndexVersion.ToString(CultureInfo.InvariantCulture) + ":";

    /// <summary>"{prefix}nd1:sig:": followed by an article id, the key of that article's signature and story id.</summary>
    public static string SignaturePrefix(string keyPrefix) => NearDuplicatePrefix(keyPrefix) + "sig:";

    /// <summary>A sorted set of every feed URL with score 0, so ZRANGE returns them in ordinal order.</summary>
    public static string FeedIndex(string keyPrefix) => keyPrefix + "feeds";

    /// <summary>"{prefix}seen:url:https://…": the key's stored form, so redis-cli shows what was seen.</summary>
    public static RedisKey Seen(string keyPrefix, DedupeKey key) => SeenPrefix(keyPrefix) + key.ToString();

    public static RedisKey Feed(string keyPrefix, string feedUrl) => FeedPrefix(keyPrefix) + feedUrl;

    public static RedisKey Lease(string keyPrefix, string feedUrl) => LeasePrefix(keyPrefix) + feedUrl;

    /// <summary>"{prefix}nd1:band:{bandKey}": the most recent ids of articles whose signature has this band, newest first, space-separated.</summary>
    public static RedisKey BandBucket(string keyPrefix, string bandKey) => NearDuplicatePrefix(keyPrefix) + "band:" + bandKey;

    /// <summary>"{prefix}nd1:sig:{articleId}": the article's signature (512 bytes) followed by its story id.</summary>
    public static RedisKey Signature(string keyPrefix, string articleId) => SignaturePrefix(keyPrefix) + articleId;
}

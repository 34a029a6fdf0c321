using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FeedHarvester.Settings;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>
/// Redis mode. Section FeedHarvester:Redis; the mode is on when <see cref="Configuration"/> is set. Feed state, seen keys,
/// poll leases and the article stream then all live in one Redis (single node, optionally with replicas).
/// </summary>
/// <remarks>
/// Single node (replicas allowed), not Redis Cluster: a claim reads the signatures of earlier copies of a story under keys
/// it builds from the ids it finds in the near-duplicate index, which a script may do on one Redis but not under Cluster's
/// rule that a script declares every key it touches.
/// </remarks>
public sealed class RedisOptions : IValidatableObject
{
    public const string SectionName = "FeedHarvester:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "127.0.0.1:6379,password=…". The default is none (embedded mode).</summary>
    /// <remarks>AbortOnConnectFail is always turned off, so the worker starts and keeps running while Redis is down.</remarks>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key except the stream: seen keys, feed state, leases. The default value is "feedharvester:".</summary>
    public string KeyPrefix { get; set; } = RedisDefaults.KeyPrefix;

    /// <summary>The stream articles are added to. The default value is "feedharvester:articles".</summary>
    public string StreamKey { get; set; } = RedisDefaults.StreamKey;

    /// <summary>
    /// How long a seen key (and so the memory that an article was emitted) lives; an article re-published after its keys
    /// expired is emitted again. Whole seconds (rounded up). The default value is 90 days.
    /// </summary>
    [DurationRange("1s", "3650d")]
    public TimeSpan SeenKeyRetention { get; set; } = RedisDefaults.SeenKeyRetention;

    /// <summary>
    /// How long an article stays in the near-duplicate index (its signature, and its id in its band buckets, a bucket's
    /// life renewed by each article joining it), at most <see cref="SeenKeyRetention"/>: a copy of a story published later
    /// than this after every earlier copy starts a new story. The index is most of the memory an article costs, and
    /// syndicated copies appear within hours or days, so it is kept far shorter than the seen keys. Whole seconds (rounded
    /// up). The default value is 7 days.
    /// </summary>
    [DurationRange("1s", "3650d")]
    public TimeSpan NearCopyRetention { get; set; } = RedisDefaults.NearCopyRetention;

    /// <summary>
    /// How the stream is trimmed on every XADD, always approximately (<c>~</c>: whole radix-tree nodes only, so it costs
    /// almost nothing and may keep up to one node, 100 entries by default, more than asked). <see cref="StreamTrimming.MinId"/>
    /// keeps an age (<see cref="StreamRetention"/>): predictable for consumers, memory follows volume.
    /// <see cref="StreamTrimming.MaxLen"/> keeps a count (<see cref="StreamMaxLength"/>): bounded memory, but a burst can trim
    /// entries a stopped consumer group has not read yet. Trimming never touches seen keys, so a trimmed article is still
    /// not emitted twice. The default value is <see cref="StreamTrimming.MinId"/>.
    /// </summary>
    public StreamTrimming StreamTrimming { get; set; } = RedisDefaults.StreamTrimming;

    /// <summary>With <see cref="StreamTrimming.MinId"/>: entries older than this (by Redis server time) are trimmed. The default value is 7 days.</summary>
    public TimeSpan StreamRetention { get; set; } = RedisDefaults.StreamRetention;

    /// <summary>With <see cref="StreamTrimming.MaxLen"/>: about how many entries the stream keeps. The default value is 1,000,000.</summary>
    public long StreamMaxLength { get; set; } = RedisDefaults.StreamMaxLength;

    /// <summary>
    /// The longest a worker holds a feed's poll lease; a longer request is shortened to this, so the feeds of a worker that
    /// died are free again after at most this long. The default value is 10 minutes.
    /// </summary>
    [DurationRange("1s", "1d")]
    public TimeSpan PollLeaseDuration { get; set; } = RedisDefaults.PollLeaseDuration;

    /// <summary>How long one connection attempt may take; overrides connectTimeout in <see cref="Configuration"/>. The default value is 5 seconds.</summary>
    /// <remarks>At most 2 minutes, as <see cref="OperationTimeout"/>: beyond that a down Redis would stall a poll for longer than a feed's own fetch limits.</remarks>
    [DurationRange("100ms", "2m")]
    public TimeSpan ConnectTimeout { get; set; } = RedisDefaults.ConnectTimeout;

    /// <summary>
    /// How long a command (a claim, a state save) waits for its reply before failing with a timeout; overrides syncTimeout
    /// and asyncTimeout in <see cref="Configuration"/>. While Redis is known to be down commands fail at once instead.
    /// The default value is 5 seconds.
    /// </summary>
    [DurationRange("100ms", "2m")]
    public TimeSpan OperationTimeout { get; set; } = RedisDefaults.OperationTimeout;

    /// <summary>
    /// Rules DataAnnotations cannot state: a configuration string StackExchange.Redis can read, key names apart from the
    /// store's own, and the trimming options that apply to the chosen trimming.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfigurationProblem() is { } configuration)
        {
            yield return OptionsPath.Error(validationContext, nameof(Configuration), configuration);
        }

        if (string.IsNullOrEmpty(KeyPrefix))
        {
            yield return OptionsPath.Error(validationContext, nameof(KeyPrefix), $"must be set (default \"{RedisDefaults.KeyPrefix}\"): without it FeedHarvester keys mix with others");
        }

        if (string.IsNullOrWhiteSpace(StreamKey))
        {
            yield return OptionsPath.Error(validationContext, nameof(StreamKey), $"must be set (default \"{RedisDefaults.StreamKey}\")");
        }
        else if (!string.IsNullOrEmpty(KeyPrefix) && IsOwnKey(StreamKey, KeyPrefix))
        {
            yield return OptionsPath.Error(validationContext, nameof(StreamKey),
                $"\"{StreamKey}\" collides with the store's own keys under \"{KeyPrefix}\" (seen:, feed:, feeds, lease:, {RedisKeys.NearDuplicatePrefix(string.Empty)})");
        }

        foreach (var trimming in TrimmingProblems(validationContext))
        {
            yield return trimming;
        }
    }

    // Unset (null) is the embedded mode; set, it must name a server.
    private string? ConfigurationProblem()
    {
        if (Configuration is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(Configuration))
        {
            return "must name a Redis server, e.g. \"127.0.0.1:6379\", or be left unset for the embedded store";
        }

        try
        {
            return ConfigurationOptions.Parse(Configuration).EndPoints.Count == 0 ? $"names no endpoint: \"{Configuration}\"" : null;
        }
        catch (ArgumentException ex)
        {
            return $"is not a valid StackExchange.Redis configuration string: {ex.Message}";
        }
    }

    private IEnumerable<ValidationResult> TrimmingProblems(ValidationContext validationContext)
    {
        switch (StreamTrimming)
        {
            case StreamTrimming.MinId:
                if (StreamRetention < TimeSpan.FromSeconds(1) || StreamRetention > RedisDefaults.MaxRetention)
                {
                    yield return OptionsPath.Error(validationContext, nameof(StreamRetention),
                        $"must be from 1s to {Duration.Format(RedisDefaults.MaxRetention)} with MinId trimming");
                }

                // Seen keys expiring first would let a re-published article be added again while its first entry is still there.
                else if (SeenKeyRetention < StreamRetention)
                {
                    yield return OptionsPath.Error(validationContext, nameof(SeenKeyRetention),
                        $"({Duration.Format(SeenKeyRetention)}) must be at least StreamRetention ({Duration.Format(StreamRetention)}), " +
                        "or an article re-published after its keys expired appears twice in the stream");
                }

                break;
            case StreamTrimming.MaxLen:
                if (StreamMaxLength < 1)
                {
                    yield return OptionsPath.Error(validationContext, nameof(StreamMaxLength),
                        string.Create(CultureInfo.InvariantCulture, $"must be at least 1 with MaxLen trimming, got {StreamMaxLength}"));
                }

                break;
            default:
                yield return OptionsPath.Error(validationContext, nameof(StreamTrimming), $"must be MinId or MaxLen, got {StreamTrimming}");
                break;
        }
    }

    // The stream may share the prefix (the defaults do), but not one of the sub-spaces the store writes itself.
    private static bool IsOwnKey(string streamKey, string keyPrefix) =>
        streamKey == RedisKeys.FeedIndex(keyPrefix)
        || streamKey.StartsWith(RedisKeys.SeenPrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.FeedPrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.LeasePrefix(keyPrefix), StringComparison.Ordinal)
        || streamKey.StartsWith(RedisKeys.NearDuplicatePrefix(keyPrefix), StringComparison.Ordinal);
}

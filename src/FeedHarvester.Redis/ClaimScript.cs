using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using StackExchange.Redis;

namespace FeedHarvester.Redis;

/// <summary>Turns a claim into the keys and arguments of <see cref="RedisScripts.Claim"/>, and its reply into a verdict.</summary>
internal sealed class ClaimScript
{
    private const string DroppedReply = "dropped";
    private const string LinkedReply = "linked";

    private static readonly RedisValue MinIdMode = "MINID";
    private static readonly RedisValue MaxLenMode = "MAXLEN";
    private static readonly RedisValue NoPolicy = string.Empty;
    private static readonly RedisValue LinkPolicy = "link";
    private static readonly RedisValue DropPolicy = "drop";

    private readonly string _keyPrefix;
    private readonly RedisKey _streamKey;
    private readonly RedisValue _trimMode;
    private readonly RedisValue _trimThreshold;
    private readonly RedisValue _ttlSeconds;
    private readonly RedisValue _indexTtlSeconds;
    private readonly RedisValue _signaturePrefix;

    public ClaimScript(RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keyPrefix = options.KeyPrefix;
        _streamKey = options.StreamKey;
        (_trimMode, _trimThreshold) = options.StreamTrimming == StreamTrimming.MaxLen
            ? (MaxLenMode, (RedisValue)options.StreamMaxLength)
            : (MinIdMode, (RedisValue)(long)options.StreamRetention.TotalMilliseconds);

        // The index expires first (a copy arriving later starts a new story, which syndication timing makes rare), and never
        // after the seen keys: an index entry outliving the article's keys would link copies to a story whose own record the
        // consumers may no longer hold.
        _ttlSeconds = (long)Math.Ceiling(options.SeenKeyRetention.TotalSeconds);
        _indexTtlSeconds = (long)Math.Ceiling(Math.Min(options.NearCopyRetention.TotalSeconds, options.SeenKeyRetention.TotalSeconds));
        _signaturePrefix = RedisKeys.SignaturePrefix(options.KeyPrefix);
    }

    /// <summary>The script's KEYS and ARGV for claiming <paramref name="article"/> under <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentException">A near-duplicate check for an article whose record is already linked.</exception>
    public (RedisKey[] Keys, RedisValue[] Arguments) Prepare(Article article, DedupeKeys keys)
    {
        var check = keys.NearDuplicates is { Policy: not NearDuplicatePolicy.Off } active ? active : null;
        var json = ArticleJson.Serialize(article);
        if (check is not null)
        {
            EnsureUnlinked(article, json);
        }

        RedisValue[] arguments =
        [
            article.Id,
            article.SchemaVersion,
            json,
            _trimMode,
            _trimThreshold,
            _ttlSeconds,
            article.StoryId,
            keys.Keys.Count,
            check is null ? NoPolicy : check.Policy == NearDuplicatePolicy.Drop ? DropPolicy : LinkPolicy,
            check is null ? 0 : EqualPositionsNeeded(check.Threshold),
            check is null ? RedisValue.EmptyString : check.Signature.ToBytes(),
            _signaturePrefix,
            MinHashTuning.MaxArticlesPerBucket,
            _indexTtlSeconds,
        ];
        return (Keys(article, keys, check), arguments);
    }

    /// <summary>The verdict the script's reply stands for, and the stream entry added (null when none was).</summary>
    public static (DedupeVerdict Verdict, string? EntryId) Read(RedisResult result, DedupeKeys keys)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(keys);
        if (result.Resp2Type == ResultType.Integer)
        {
            return (DedupeVerdict.Duplicate(keys.Keys[(int)result - 1]), null);
        }

        var reply = (RedisResult[])result!;
        var outcome = reply[0].ToString();
        var entryId = reply[1].ToString();
        var link = new StoryLink(reply[2].ToString(), reply[3].ToString(), (double)(int)reply[4] / MinHashTuning.HashCount);
        return outcome switch
        {
            DroppedReply => (DedupeVerdict.DroppedCopy(link), null),
            LinkedReply => (DedupeVerdict.LinkedCopy(link), entryId),
            _ => (DedupeVerdict.New, entryId),
        };
    }

    /// <summary>
    /// The fewest equal positions whose share reaches <paramref name="threshold"/>, computed as
    /// <see cref="StorySignature.Similarity"/> divides, so the script (which counts in integers) and
    /// <see cref="StoryMatcher"/> agree exactly at the boundary. Above 1, one more than a signature has: never a match.
    /// </summary>
    internal static int EqualPositionsNeeded(double threshold)
    {
        for (var equal = 0; equal <= MinHashTuning.HashCount; equal++)
        {
            if ((double)equal / MinHashTuning.HashCount >= threshold)
            {
                return equal;
            }
        }

        return MinHashTuning.HashCount + 1;
    }

    private RedisKey[] Keys(Article article, DedupeKeys keys, NearDuplicateCheck? check)
    {
        var count = 1 + keys.Keys.Count + (check is null ? 0 : 1 + check.BandKeys.Count);
        var scriptKeys = new RedisKey[count];
        scriptKeys[0] = _streamKey;
        for (var i = 0; i < keys.Keys.Count; i++)
        {
            scriptKeys[i + 1] = RedisKeys.Seen(_keyPrefix, keys.Keys[i]);
        }

        if (check is not null)
        {
            var next = keys.Keys.Count + 1;
            scriptKeys[next++] = RedisKeys.Signature(_keyPrefix, article.Id);
            foreach (var band in check.BandKeys)
            {
                scriptKeys[next++] = RedisKeys.BandBucket(_keyPrefix, band);
            }
        }

        return scriptKeys;
    }

    /// <summary>
    /// The script links a copy by rewriting the record's own "story_id" and "duplicate_of" in place, so they must be there
    /// in their unlinked form, with the id written verbatim (no JSON escapes). That also keeps every id in the index
    /// verbatim, so the story id and matched id the script writes into a later record never need escaping either. Buckets
    /// separate ids by spaces, so an id may hold none (article ids are hex digits).
    /// </summary>
    private static void EnsureUnlinked(Article article, string json)
    {
        var unlinked = $"\"story_id\":\"{article.Id}\",\"duplicate_of\":null";
        if (!json.Contains(unlinked, StringComparison.Ordinal) || article.Id.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"Article {article.Id} cannot be checked for near-copies: its record must be unlinked (story_id its own id, duplicate_of null), and its id must need no JSON escaping and hold no space.",
                nameof(article));
        }
    }
}

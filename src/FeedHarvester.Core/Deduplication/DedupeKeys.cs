using FeedHarvester.Deduplication.NearDuplicates;

namespace FeedHarvester.Deduplication;

/// <summary>The kinds of evidence that an article was seen before.</summary>
public enum DedupeKeyKind
{
    /// <summary>The normalized URL (tracking parameters stripped) or the canonical URL.</summary>
    Url,

    /// <summary>The feed URL together with the entry's GUID.</summary>
    Guid,

    /// <summary>A fingerprint of a substantial body, scoped to the feed that listed it.</summary>
    Content,
}

/// <summary>One dedupe key: its kind and its value (already hashed or normalized).</summary>
public readonly record struct DedupeKey(DedupeKeyKind Kind, string Value)
{
    /// <summary>The key as stored: kind prefix plus value, e.g. "url:https://example.org/a".</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";
}

/// <summary>
/// Every key of one article (an article is new only when none of them was seen), and — for a body long enough — the
/// near-duplicate check that decides whether it is a later copy of a story already seen.
/// </summary>
public sealed record DedupeKeys(IReadOnlyList<DedupeKey> Keys, NearDuplicateCheck? NearDuplicates = null);

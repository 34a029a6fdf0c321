namespace FeedHarvester.Deduplication;

/// <summary>One dedupe key: its kind and its value (already hashed or normalized).</summary>
public readonly record struct DedupeKey(DedupeKeyKind Kind, string Value)
{
    /// <summary>The key as stored: kind prefix plus value, e.g. "url:https://example.org/a".</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";
}

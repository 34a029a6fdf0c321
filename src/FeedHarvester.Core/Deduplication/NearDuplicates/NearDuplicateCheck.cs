namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>What a claim checks for near-copies: the article's signature, its band keys, the threshold and the policy.</summary>
public sealed record NearDuplicateCheck(StorySignature Signature, IReadOnlyList<string> BandKeys, double Threshold, NearDuplicatePolicy Policy)
{
    public static NearDuplicateCheck For(StorySignature signature, double threshold, NearDuplicatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new NearDuplicateCheck(signature, signature.BandKeys(), threshold, policy);
    }
}

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

/// <summary>An earlier article found through a shared band: its id, its story's id and its signature.</summary>
public sealed record StoryCandidate(string ArticleId, string StoryId, StorySignature Signature);

/// <summary>A near-copy's link to its story: the first copy's id and the earlier article it matched best.</summary>
public sealed record StoryLink(string StoryId, string DuplicateOf, double Similarity);

/// <summary>Picks the story a new text belongs to among the candidates its bands turned up.</summary>
public static class StoryMatcher
{
    /// <summary>The most similar candidate at or above the threshold (the first one on a tie), or null.</summary>
    public static StoryLink? BestMatch(NearDuplicateCheck check, IEnumerable<StoryCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(candidates);
        StoryLink? best = null;
        foreach (var candidate in candidates)
        {
            var similarity = check.Signature.Similarity(candidate.Signature);
            if (similarity >= check.Threshold && (best is null || similarity > best.Similarity))
            {
                best = new StoryLink(candidate.StoryId, candidate.ArticleId, similarity);
            }
        }

        return best;
    }
}

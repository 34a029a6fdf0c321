namespace FeedHarvester.Deduplication.NearDuplicates;

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

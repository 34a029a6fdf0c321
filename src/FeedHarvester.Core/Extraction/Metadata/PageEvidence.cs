namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// The page's own votes on the kind of its main content (<see cref="Heuristics.PageKindVocabulary"/>): how many
/// signals say "one article", how many say "content spread over the page".
/// </summary>
internal readonly record struct PageEvidence(int ArticleVotes, int SpreadVotes)
{
    /// <summary>More signals say "one article" than not: the scorer's body is trusted without a second opinion.</summary>
    public bool IsArticle => ArticleVotes > SpreadVotes;

    public override string ToString() => $"article {ArticleVotes} / spread {SpreadVotes}";
}

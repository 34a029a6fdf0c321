namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>
/// The numbers behind near-duplicate detection (MinHash: Broder, "On the resemblance and containment of documents", 1997;
/// banding: Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", ch. 3.4). Changing any of them changes every
/// signature and band key, so stored indexes would no longer match: bump <see cref="IndexVersion"/> with them.
/// </summary>
public static class MinHashTuning
{
    /// <summary>Part of every stored band key and signature key, so an index built with other numbers is never consulted.</summary>
    public const int IndexVersion = 1;

    /// <summary>
    /// Words per shingle. Five words make a shingle specific to one text (stock phrases of three or four words recur across
    /// different stories of one outlet) while one edited word costs only five shingles of a few hundred.
    /// </summary>
    public const int ShingleWords = 5;

    /// <summary>Hash functions per signature: the Jaccard estimate's standard error is about sqrt(J(1-J)/128), 0.044 at J = 0.5.</summary>
    public const int HashCount = Bands * RowsPerBand;

    /// <summary>
    /// Bands of <see cref="RowsPerBand"/> values: two texts become candidates when any band agrees entirely, with
    /// probability 1 - (1 - J^4)^32: 0.99 at J = 0.6, 0.87 at J = 0.5, 0.23 at J = 0.3 (candidates below the threshold
    /// are then rejected by comparing whole signatures, so the banding only has to err towards too many candidates).
    /// </summary>
    public const int Bands = 32;

    /// <summary>Values per band; see <see cref="Bands"/>.</summary>
    public const int RowsPerBand = 4;

    /// <summary>
    /// Default estimated Jaccard similarity at or above which two texts are one story. Measured on the project's own story
    /// fixtures (bench/FeedHarvester.NearDup fixtures): copies differing in a tagline, a byline line, title case or a
    /// republication line score 0.77–1.0, with a trailing "Related" block 0.68 and up, while a copy with four or five
    /// edited sentences falls to 0.40–0.56 when the text is short (100–160 words) — hence 0.5, not higher. Different
    /// stories of 280–400 words from one outlet sharing whole boilerplate paragraphs stay under 0.2, and syndicated newsfarm
    /// copies score 0.87 and up against 0.3 at most for different stories. The floor of 50 words does not protect texts
    /// that are mostly shared boilerplate: two different 60-word texts sharing 40 words score about 0.55.
    /// </summary>
    public const double DefaultSimilarity = 0.5;

    /// <summary>
    /// Most recent articles kept per band bucket. Bounds the index and the work per claim when many copies of one story (or
    /// many texts sharing a band by chance) land in one bucket; a story with more copies is still found through them, since
    /// every copy carries the story's id.
    /// </summary>
    public const int MaxArticlesPerBucket = 16;
}

using FeedHarvester.Deduplication;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;

namespace FeedHarvester.Redis.Tests;

/// <summary>
/// Stories, copies of them and their signatures for the near-copy tests: real texts through
/// <see cref="StorySignatureBuilder"/>, and signatures built value by value where a test needs an exact similarity.
/// </summary>
internal static class NearCopies
{
    public const double Threshold = MinHashTuning.DefaultSimilarity;

    /// <summary>A text of <paramref name="words"/> made-up words; texts of two seeds share no 5-word shingle in practice.</summary>
    public static string Story(int seed, int words = 200)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, words).Select(_ => "w" + random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The story as another site publishes it: its own lead-in and sign-off around the same text.</summary>
    public static string Copy(string story, int site) => $"Reported by the staff of site {site}. {story} Read more stories on site {site}.";

    public static Article Article(int n, string text) => TestArticles.Create(n) with { ContentText = text };

    public static StorySignature SignatureOf(string text) =>
        StorySignatureBuilder.TryBuild(text, 50) ?? throw new ArgumentException("The text is too short for a signature.", nameof(text));

    /// <summary>The article's usual keys with a near-duplicate check on its text.</summary>
    public static DedupeKeys KeysOf(Article article, NearDuplicatePolicy policy = NearDuplicatePolicy.Link) =>
        KeysOf(article, SignatureOf(article.ContentText), policy);

    /// <summary>The article's usual keys with a near-duplicate check on a given signature.</summary>
    public static DedupeKeys KeysOf(
        Article article, StorySignature signature, NearDuplicatePolicy policy = NearDuplicatePolicy.Link, double threshold = Threshold) =>
        new(TestArticles.KeysOf(article).Keys, NearDuplicateCheck.For(signature, threshold, policy));

    /// <summary>A signature whose values belong to <paramref name="seed"/> alone.</summary>
    public static StorySignature Signature(int seed) => Build(i => (uint)((seed * 1_000) + i + 1));

    /// <summary><paramref name="signature"/> with the values at <paramref name="positions"/> replaced by values no other signature has.</summary>
    public static StorySignature Changed(StorySignature signature, IEnumerable<int> positions, int salt)
    {
        var values = signature.Values.ToArray();
        foreach (var position in positions)
        {
            values[position] = 0x8000_0000u | (uint)(salt << 8) | (uint)position;
        }

        return Build(i => values[i]);
    }

    /// <summary>The share of equal positions as a claim reports it.</summary>
    public static double Similarity(int equalPositions) => (double)equalPositions / MinHashTuning.HashCount;

    private static StorySignature Build(Func<int, uint> valueAt)
    {
        var bytes = new byte[StorySignature.ByteLength];
        for (var i = 0; i < MinHashTuning.HashCount; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), valueAt(i));
        }

        return StorySignature.FromBytes(bytes)!;
    }
}

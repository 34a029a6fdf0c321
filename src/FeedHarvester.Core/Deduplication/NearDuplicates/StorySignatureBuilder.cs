using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>
/// Computes <see cref="StorySignature"/>s: the text's words (Unicode \w+, lower-cased, so title case and punctuation do not
/// matter) in overlapping shingles of <see cref="MinHashTuning.ShingleWords"/>, each hashed once (XxHash3) and then put
/// through <see cref="MinHashTuning.HashCount"/> multiply-shift hash functions whose minimum values form the signature.
/// </summary>
internal static partial class StorySignatureBuilder
{
    // Fixed forever (with MinHashTuning.IndexVersion): every worker sharing an index must compute the same functions.
    private const ulong SeedOrigin = 0x5EED_F00D_CAFE_D00DUL;

    private static readonly (ulong Multiplier, ulong Addend)[] Functions = CreateFunctions();

    /// <summary>The signature of <paramref name="text"/>, or null when it has fewer than <paramref name="minimumWords"/> words.</summary>
    public static StorySignature? TryBuild(string text, int minimumWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordHashes(text);
        if (words.Count < Math.Max(minimumWords, MinHashTuning.ShingleWords))
        {
            return null;
        }

        var minimums = new uint[MinHashTuning.HashCount];
        Array.Fill(minimums, uint.MaxValue);
        var wordSpan = CollectionsMarshal.AsSpan(words);
        for (var start = 0; start + MinHashTuning.ShingleWords <= wordSpan.Length; start++)
        {
            var shingle = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(wordSpan.Slice(start, MinHashTuning.ShingleWords)));
            for (var i = 0; i < minimums.Length; i++)
            {
                // Multiply-shift hashing (Dietzfelbinger et al.): the high 32 bits of a·x + b, one random odd a per function.
                var value = (uint)(((Functions[i].Multiplier * shingle) + Functions[i].Addend) >> 32);
                if (value < minimums[i])
                {
                    minimums[i] = value;
                }
            }
        }

        return new StorySignature(minimums);
    }

    private static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>(text.Length / 4);
        Span<char> lower = stackalloc char[64];
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = text.AsSpan(match.Index, Math.Min(match.Length, lower.Length));
            var length = word.ToLowerInvariant(lower);
            hashes.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(lower[..length])));
        }

        return hashes;
    }

    private static (ulong, ulong)[] CreateFunctions()
    {
        var state = SeedOrigin;
        var functions = new (ulong, ulong)[MinHashTuning.HashCount];
        for (var i = 0; i < functions.Length; i++)
        {
            functions[i] = (SplitMix(ref state) | 1UL, SplitMix(ref state));
        }

        return functions;
    }

    // SplitMix64 (Steele, Lea and Flood 2014): a fixed, well-mixed sequence from one seed.
    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}

using System.Security.Cryptography;
using System.Text;

namespace FeedHarvester.Normalization;

/// <summary>
/// Stable article ids: the first 128 bits of SHA-256 over the canonical URL, as 32 lower-case hex digits.
/// The same story re-polled, or reached through a link with other tracking parameters, gets the same id.
/// </summary>
internal static class ArticleId
{
    public static string FromCanonicalUrl(string canonicalUrl) => Hash(canonicalUrl);

    /// <summary>For an entry with no link at all: the feed and the entry's GUID identify it.</summary>
    public static string FromFeedAndGuid(string feedUrl, string guid) => Hash(feedUrl + "\n" + guid);

    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        _ = SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}

using System.Security.Cryptography;
using System.Text;
using FeedHarvester.Cleaning;
using FeedHarvester.Deduplication.NearDuplicates;
using FeedHarvester.Normalization;
using FeedHarvester.Parsing;

namespace FeedHarvester.Deduplication;

/// <summary>
/// The keys by which an article counts as seen: its normalized URL and canonical URL, its feed + GUID,
/// and — for a substantial body extracted from the page — a fingerprint of the text scoped to the feed.
/// Within one feed the same text under a new URL and GUID is the same article re-announced; across feeds
/// it is syndication (one wire story on several sites), which the near-duplicate check answers with its own
/// policy, not an exact duplicate to drop.
/// </summary>
public sealed partial class DedupeKeyBuilder(DeduplicationOptions options)
{
    /// <summary>The keys known before the page is fetched: enough to skip entries already harvested.</summary>
    public static IReadOnlyList<DedupeKey> ForEntry(string feedUrl, ParsedEntry entry)
    {
        var keys = new List<DedupeKey>(2);
        if (UrlNormalizer.TryNormalize(entry.Link) is { } url)
        {
            keys.Add(new DedupeKey(DedupeKeyKind.Url, url));
        }

        if (!string.IsNullOrWhiteSpace(entry.Id ?? entry.Link))
        {
            keys.Add(GuidKey(feedUrl, (entry.Id ?? entry.Link)!.Trim()));
        }

        return keys;
    }

    public DedupeKeys For(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var keys = new List<DedupeKey>(4);
        if (article.Url is { } url)
        {
            keys.Add(new DedupeKey(DedupeKeyKind.Url, url));
        }

        if (article.CanonicalUrl is { } canonical && !string.Equals(canonical, article.Url, StringComparison.Ordinal))
        {
            keys.Add(new DedupeKey(DedupeKeyKind.Url, canonical));
        }

        keys.Add(GuidKey(article.FeedUrl, article.Guid));
        if (ContentFingerprint(article) is { } fingerprint)
        {
            keys.Add(new DedupeKey(DedupeKeyKind.Content, fingerprint));
        }

        return new DedupeKeys(keys, NearDuplicateCheckFor(article));
    }

    /// <summary>The near-duplicate check for any body (page or feed) long enough, unless the policy is off.</summary>
    private NearDuplicateCheck? NearDuplicateCheckFor(Article article)
    {
        if (options.NearDuplicates == NearDuplicatePolicy.Off || article.Extraction.WordCount < options.MinWordsForContentKey)
        {
            return null;
        }

        return StorySignatureBuilder.TryBuild(article.ContentText, options.MinWordsForContentKey) is { } signature
            ? NearDuplicateCheck.For(signature, options.NearDuplicateSimilarity, options.NearDuplicates)
            : null;
    }

    /// <summary>Feed URL + SHA-256 of the lower-cased words, or null for a short or feed-only body.</summary>
    internal string? ContentFingerprint(Article article)
    {
        if (article.Extraction.Method != ExtractionInfo.PageMethod || article.Extraction.WordCount < options.MinWordsForContentKey)
        {
            return null;
        }

        var words = new StringBuilder(article.ContentText.Length);
        foreach (var match in WordPattern().EnumerateMatches(article.ContentText))
        {
            _ = words.Append(article.ContentText.AsSpan(match.Index, match.Length)).Append(' ');
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(words.ToString().ToLowerInvariant()));
        return article.FeedUrl + " " + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\w+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();

    private static DedupeKey GuidKey(string feedUrl, string guid) => new(DedupeKeyKind.Guid, feedUrl + " " + guid);
}

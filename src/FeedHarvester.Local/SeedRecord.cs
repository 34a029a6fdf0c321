using System.Text.Json;
using FeedHarvester.Normalization;

namespace FeedHarvester.Local;

/// <summary>
/// Reads back from an output record the fields its claim derived dedupe keys from (URL, canonical URL, feed, GUID, body
/// text and extraction method and word count, story id, fetch time), as an <see cref="Article"/> for
/// <see cref="FeedHarvester.Deduplication.DedupeKeyBuilder"/>. Fields it does not need are left empty, and records of
/// an earlier schema (no story_id) are read too.
/// </summary>
internal static class SeedRecord
{
    /// <summary>The article, or null when the line is not a record (not JSON, or without id, url, feed_url or guid).</summary>
    /// <param name="unknownFetchTime">The fetch time to assume when the record has none that parses.</param>
    public static Article? TryRead(ReadOnlyMemory<byte> line, DateTimeOffset unknownFetchTime)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "id") is not { } id
                || Text(root, "url") is not { } url
                || Text(root, "feed_url") is not { } feedUrl
                || Text(root, "guid") is not { } guid)
            {
                return null;
            }

            return new Article
            {
                Id = id,
                StoryId = Text(root, "story_id") ?? id,
                Url = url,
                CanonicalUrl = Text(root, "canonical_url") ?? url,
                FeedUrl = feedUrl,
                Guid = guid,
                Published = default,
                ContentHtml = string.Empty,
                ContentText = Text(root, "content_text") ?? string.Empty,
                FetchedAt = root.TryGetProperty("fetched_at", out var fetched) && fetched.ValueKind == JsonValueKind.String
                    && fetched.TryGetDateTimeOffset(out var at) ? at : unknownFetchTime,
                Extraction = Extraction(root),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ExtractionInfo Extraction(JsonElement root)
    {
        if (!root.TryGetProperty("extraction", out var extraction) || extraction.ValueKind != JsonValueKind.Object)
        {
            return new ExtractionInfo(string.Empty, string.Empty, 0);
        }

        var words = extraction.TryGetProperty("word_count", out var count) && count.ValueKind == JsonValueKind.Number
            && count.TryGetInt32(out var n) ? n : 0;
        return new ExtractionInfo(Text(extraction, "method") ?? string.Empty, Text(extraction, "path") ?? string.Empty, words)
        {
            PublishedFrom = Text(extraction, "published_from"),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;

namespace FeedHarvester.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (1.1 renamed author to authors and added language).</summary>
internal static class JsonFeedReader
{
    public static bool LooksLikeJson(string text) => text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);

    /// <summary>Reads the feed, or returns the JSON syntax error with its position.</summary>
    public static (FeedContent? Content, string? Error) Read(string text, ReadContext context)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "parse: JSON document is not an object");
            }

            var feed = new ParsedFeed
            {
                Title = FeedText.Plain(Str(root, "title")),
                Link = Url(Str(root, "home_page_url"), context),
                Subtitle = FeedText.Plain(Str(root, "description")),
                Language = FeedText.NullIfEmpty(Str(root, "language")) ?? FeedText.NullIfEmpty(context.ContentLanguage?.Trim()),
            };
            var entries = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ReadItem(i, context)).ToList()
                : [];
            return (new FeedContent(feed, entries), null);
        }
        catch (JsonException ex)
        {
            return (null, $"parse: invalid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}");
        }
    }

    private static ParsedEntry ReadItem(JsonElement item, ReadContext context) => new()
    {
        Id = FeedText.NullIfEmpty(Scalar(item, "id")),
        Title = FeedText.Plain(Str(item, "title")),
        Link = Url(Str(item, "url") ?? Str(item, "external_url"), context),
        Published = FeedDateParser.Parse(Str(item, "date_published")),
        Updated = FeedDateParser.Parse(Str(item, "date_modified")),
        Author = AuthorName.Clean(AuthorOf(item)),
        Summary = FeedText.NullIfEmpty(Str(item, "summary")),
        Content = FeedText.NullIfEmpty(Str(item, "content_html"))
            ?? (Str(item, "content_text") is { Length: > 0 } plain ? XhtmlSerializer.Escape(plain, attribute: false) : null),
        Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => FeedText.Plain(t.GetString())).OfType<string>().ToList()
            : [],
        Enclosures = item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            ? attachments.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => RssItemReader.Enclosure(Url(Str(a, "url"), context), Str(a, "mime_type"), Scalar(a, "size_in_bytes")))
                .OfType<ParsedEnclosure>().ToList()
            : [],
    };

    private static string? AuthorOf(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var first = authors.EnumerateArray().FirstOrDefault(a => a.ValueKind == JsonValueKind.Object);
            if (first.ValueKind == JsonValueKind.Object)
            {
                return Str(first, "name");
            }
        }

        return item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? Str(author, "name") : null;
    }

    private static string? Url(string? url, ReadContext context)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var baseUri = context.Links.DocumentBase;
        return baseUri is not null && Uri.TryCreate(baseUri, url.Trim(), out var resolved) ? resolved.AbsoluteUri : url.Trim();
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Ids may be numbers in 1.0 feeds although the spec says string; keep them as their text.</summary>
    private static string? Scalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}

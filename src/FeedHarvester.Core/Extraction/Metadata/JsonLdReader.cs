using System.Text.Json;
using AngleSharp.Dom;
using FeedHarvester.Extraction.Heuristics;

namespace FeedHarvester.Extraction.Metadata;

/// <summary>
/// Reads the first Article-like object (NewsArticle, BlogPosting, ReportageNewsArticle…) from the page's
/// JSON-LD blocks, looking inside arrays and @graph. Malformed blocks are skipped: pages ship broken JSON often.
/// </summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonLdArticle? Read(IDocument document) =>
        Read(document.QuerySelectorAll("script[type='application/ld+json' i]"));

    public static JsonLdArticle? Read(IEnumerable<IElement> scripts)
    {
        JsonLdArticle? fallback = null;
        foreach (var script in scripts)
        {
            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var parsed = JsonDocument.Parse(json, Options);
                if (FindArticle(parsed.RootElement, depth: 0) is { } article)
                {
                    var result = ToArticle(article);
                    if (result.Author is null && AuthorById(article, parsed.RootElement) is { } byId)
                    {
                        result = result with { Author = byId };
                    }

                    if (result.ArticleBody is not null || result.Headline is not null)
                    {
                        return result;
                    }

                    fallback ??= result;
                }
            }
            catch (JsonException)
            {
                // A broken block says nothing; the next block or the HTML itself may.
            }
        }

        return fallback;
    }

    /// <summary>Every @type the page's JSON-LD declares (top level, in arrays, @graph and mainEntity), for the
    /// page-kind votes.</summary>
    public static List<string> DeclaredTypes(IEnumerable<IElement> scripts)
    {
        var types = new List<string>();
        foreach (var script in scripts)
        {
            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            try
            {
                using var parsed = JsonDocument.Parse(json, Options);
                CollectTypes(parsed.RootElement, types, depth: 0);
            }
            catch (JsonException)
            {
                // As in Read: a broken block declares nothing.
            }
        }

        return types;
    }

    private static void CollectTypes(JsonElement element, List<string> types, int depth)
    {
        if (depth > ExtractionThresholds.MaxJsonLdNesting)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectTypes(item, types, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(type.GetString()!);
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                types.AddRange(type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
            }
        }

        foreach (var key in (ReadOnlySpan<string>)["@graph", "mainEntity"])
        {
            if (element.TryGetProperty(key, out var child))
            {
                CollectTypes(child, types, depth + 1);
            }
        }
    }

    /// <summary>
    /// An author given only as {"@id": …} (as SEO plugins write it), named by the node of the same @id elsewhere in
    /// the block's graph.
    /// </summary>
    private static string? AuthorById(JsonElement article, JsonElement root)
    {
        if (!article.TryGetProperty("author", out var author))
        {
            return null;
        }

        var ids = (author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
            .Select(a => a.ValueKind == JsonValueKind.Object ? Text(a, "@id") : null).OfType<string>().ToList();
        var names = ids.Select(id => FindNode(root, id, depth: 0)).OfType<JsonElement>().Select(n => Text(n, "name")).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static JsonElement? FindNode(JsonElement element, string id, int depth)
    {
        if (depth > ExtractionThresholds.MaxJsonLdNesting)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindNode(item, id, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Text(element, "@id") == id && Text(element, "name") is not null)
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? FindNode(graph, id, depth + 1) : null;
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > ExtractionThresholds.MaxJsonLdNesting)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (IsArticleType(element))
                {
                    return element;
                }

                foreach (var key in (ReadOnlySpan<string>)["@graph", "mainEntity", "mainEntityOfPage"])
                {
                    if (element.TryGetProperty(key, out var child) && FindArticle(child, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return IsArticleTypeName(type.GetString());
        }

        return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticleTypeName(t.GetString()));
    }

    private static bool IsArticleTypeName(string? name) =>
        name is not null && (name.EndsWith("Article", StringComparison.OrdinalIgnoreCase) ||
                             name.EndsWith("BlogPosting", StringComparison.OrdinalIgnoreCase) ||
                             name.Equals("Report", StringComparison.OrdinalIgnoreCase) ||
                             name.Equals("LiveBlogPosting", StringComparison.OrdinalIgnoreCase));

    private static JsonLdArticle ToArticle(JsonElement article) => new()
    {
        Headline = Text(article, "headline") ?? Text(article, "name"),
        Author = Names(article, "author"),
        DatePublished = Text(article, "datePublished") ?? Text(article, "dateCreated"),
        DateModified = Text(article, "dateModified"),
        ArticleBody = Text(article, "articleBody"),
        PublisherName = article.TryGetProperty("publisher", out var publisher) ? NameOf(publisher) : null,
        Image = article.TryGetProperty("image", out var image) ? UrlOf(image) : null,
        Url = Text(article, "url"),
        InLanguage = Text(article, "inLanguage"),
    };

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String &&
        !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>Author may be a string, an object with a name, or an array of either.</summary>
    private static string? Names(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return NameOf(value);
        }

        var names = value.EnumerateArray().Select(NameOf).OfType<string>().Distinct().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NullIfBlank(value.GetString()),
        JsonValueKind.Object => Text(value, "name"),
        JsonValueKind.Array => value.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? UrlOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NullIfBlank(value.GetString()),
        JsonValueKind.Object => Text(value, "url") ?? Text(value, "contentUrl"),
        JsonValueKind.Array => value.EnumerateArray().Select(UrlOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using System.Text.Json;

namespace FeedHarvester.NearDup;

/// <summary>One line of a newsfarm universe's truth.jsonl: what the article is and which story it tells.</summary>
public sealed record TruthArticle(string Url, string Story, string Kind, string Title, string Body, string? Canonical)
{
    /// <summary>Every article of DIR/truth.jsonl (or of the file itself), and a lookup by normalized URL and canonical URL.</summary>
    public static (List<TruthArticle> Articles, Dictionary<string, TruthArticle> ByUrl) Load(string path)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "truth.jsonl");
        }

        var articles = new List<TruthArticle>();
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            articles.Add(new TruthArticle(
                root.GetProperty("url").GetString()!,
                root.GetProperty("story").GetString()!,
                Text(root, "kind") ?? "?",
                Text(root, "title") ?? "",
                Text(root, "body") ?? "",
                Text(root, "canonical")));
        }

        var byUrl = new Dictionary<string, TruthArticle>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            byUrl[FarmUrl.Normalize(article.Url)] = article;
        }

        // A real page also answers to its original URL, but never in place of another article's own URL.
        foreach (var article in articles.Where(a => a.Canonical is { Length: > 0 }))
        {
            _ = byUrl.TryAdd(FarmUrl.Normalize(article.Canonical!), article);
        }

        return (articles, byUrl);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
